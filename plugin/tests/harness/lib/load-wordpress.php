<?php
/**
 * Loads the WordPress of a harness site into the current PHP process (CLI tools, PHPUnit).
 * The site folder is the "dir" printed by start-site.sh.
 *
 * @return array the site's JSON description
 */
function ecomdir_test_load_wordpress( $dir ) {
	$json = rtrim( $dir, '/' ) . '/site.json';
	$site = is_file( $json ) ? json_decode( (string) file_get_contents( $json ), true ) : null;
	if ( ! $site ) {
		// During start-site.sh, before site.json exists: read the URL from wp-config.php.
		preg_match( "/'WP_HOME', '([^']+)'/", (string) file_get_contents( $dir . '/site/wp-config.php' ), $m );
		$site = array(
			'url' => $m[1],
			'dir' => $dir,
		);
	}
	$_SERVER['HTTP_HOST']   = parse_url( $site['url'], PHP_URL_HOST ) . ':' . parse_url( $site['url'], PHP_URL_PORT );
	$_SERVER['SERVER_NAME'] = parse_url( $site['url'], PHP_URL_HOST );
	$_SERVER['REQUEST_URI'] = '/';
	$_SERVER['REQUEST_METHOD'] = 'GET';
	require_once rtrim( $dir, '/' ) . '/site/wp-load.php';
	return $site;
}
