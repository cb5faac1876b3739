<?php
/**
 * Router for `php -S`: real files are served as they are, folders run their index.php,
 * everything else goes to WordPress's index.php (pretty permalinks, /wp-json/).
 */

$root = $_SERVER['DOCUMENT_ROOT'];
$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$file = $root . $path;
if ( '/' !== $path && is_file( $file ) ) {
	return false;
}
$script = is_dir( $file ) && is_file( rtrim( $file, '/' ) . '/index.php' ) ? rtrim( $path, '/' ) . '/index.php' : '/index.php';
$_SERVER['SCRIPT_NAME']     = $script;
$_SERVER['PHP_SELF']        = $script;
$_SERVER['SCRIPT_FILENAME'] = $root . $script;
chdir( dirname( $root . $script ) );
require $root . $script;
