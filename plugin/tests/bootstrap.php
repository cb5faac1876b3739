<?php
/**
 * PHPUnit bootstrap: loads the WordPress of a harness site (ECOMDIR_TEST_SITE_DIR, a folder
 * printed by harness/start-site.sh) into the test process. Tests then call the plugin in-process
 * and over HTTP against the same site and database. Run through plugin/bin/test.sh.
 */

$dir = getenv( 'ECOMDIR_TEST_SITE_DIR' );
if ( ! $dir || ! is_dir( $dir ) ) {
	fwrite( STDERR, "ECOMDIR_TEST_SITE_DIR must point at a site started by plugin/tests/harness/start-site.sh\n" );
	exit( 1 );
}
require __DIR__ . '/harness/lib/load-wordpress.php';
require __DIR__ . '/harness/lib/class-wp-http-client.php';
require __DIR__ . '/harness/lib/class-test-orders.php';
require __DIR__ . '/lib/class-json-schema-validator.php';
require __DIR__ . '/lib/class-test-env.php';
Test_Env::$site = ecomdir_test_load_wordpress( $dir );
