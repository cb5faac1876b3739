<?php
/**
 * Installs WordPress without prompts and activates the plugins (called by start-site.sh).
 * Usage: php install-site.php <site dir> <url> <admin password> <hpos|legacy> <with woo 0|1> <locale>
 */

list( , $site, $url, $admin_password, $mode, $woo, $locale ) = $argv + array_fill( 0, 7, '' );
define( 'WP_INSTALLING', true );
$_SERVER['HTTP_HOST']   = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['SERVER_NAME'] = parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI'] = '/';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$installed = wp_install( 'Magazin de test ecomdir', 'admin', 'admin@example.ro', false, '', wp_slash( $admin_password ), $locale ? $locale : 'en_US' );
if ( is_wp_error( $installed ) || empty( $installed['user_id'] ) ) {
	fwrite( STDERR, "wp_install failed\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
update_option( 'timezone_string', 'Europe/Bucharest' );
update_option( 'date_format', 'Y-m-d' );
update_option( 'time_format', 'H:i' );
if ( $locale ) {
	update_option( 'WPLANG', $locale );
}
flush_rewrite_rules();

// Read by the stand-in on activation, as WooCommerce reads its own option.
update_option( 'woocommerce_custom_orders_table_enabled', 'hpos' === $mode ? 'yes' : 'no' );
$plugins = '1' === $woo ? array( 'woocommerce/woocommerce.php', 'ecomdir-connect/ecomdir-connect.php' ) : array( 'ecomdir-connect/ecomdir-connect.php' );
foreach ( $plugins as $plugin ) {
	$result = activate_plugin( $plugin );
	if ( is_wp_error( $result ) ) {
		fwrite( STDERR, "activate $plugin failed: " . $result->get_error_message() . "\n" );
		exit( 1 );
	}
}
echo "installed\n";
