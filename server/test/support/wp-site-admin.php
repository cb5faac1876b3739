<?php
/**
 * What an owner does in wp-admin that the harness CLI has no command for, on a harness site
 * (the "dir" printed by plugin/tests/harness/start-site.sh). WordPress core and the plugin's
 * own settings API only; nothing of WooCommerce. Prints JSON.
 *
 *   php wp-site-admin.php <dir> revoke-app-passwords
 *       deletes every Application Password of the plugin's API user (ecomdir), as
 *       Users → Profile → Application Passwords → Revoke all does
 *   php wp-site-admin.php <dir> owner-override on|off
 *       the plugin's "Owner override" setting (WooCommerce → ecomdir Connect)
 */

require dirname( __DIR__, 3 ) . '/plugin/tests/harness/lib/load-wordpress.php';

list( , $dir, $command, $arg ) = $argv + array( '', '', '', '' );
ecomdir_test_load_wordpress( $dir );

switch ( $command ) {
	case 'revoke-app-passwords':
		$user = get_user_by( 'login', 'ecomdir' );
		$n    = $user ? WP_Application_Passwords::delete_all_application_passwords( $user->ID ) : 0;
		echo wp_json_encode( array( 'revoked' => is_int( $n ) ? $n : 0 ) ) . "\n";
		break;
	case 'owner-override':
		Ecomdir_Connect_Settings::update( array( 'owner_override' => 'on' === $arg ) );
		echo wp_json_encode( array( 'owner_override' => (bool) Ecomdir_Connect_Settings::get( 'owner_override' ) ) ) . "\n";
		break;
	default:
		fwrite( STDERR, "unknown command $command\n" );
		exit( 2 );
}
