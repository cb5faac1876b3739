<?php
/**
 * Installs a test site without prompts (called by start-site.sh), in three steps so that the
 * slow part runs once per WordPress version and storage mode and is reused from a database dump:
 *
 *   php install-site.php core  <site dir> <url>
 *       wp_install, site options, WooCommerce put into active_plugins (it installs itself on the
 *       next load, exactly as after a real activation)
 *   php install-site.php woo   <site dir> <url> <hpos|legacy> <sync on|off|default>
 *       second process: WooCommerce has run its installer on `init`; onboarding skipped, shop set
 *       to Romania/RON, order storage and compatibility sync set and checked
 *   php install-site.php finish <site dir> <url> <admin password> <with woo 0|1> <locale>
 *       per site, on a restored copy: admin password, language, ecomdir Connect activated
 */

list( , $step, $site, $url ) = $argv + array_fill( 0, 4, '' );
define( 'WP_INSTALLING', 'core' === $step );
$_SERVER['HTTP_HOST']      = parse_url( $url, PHP_URL_HOST ) . ':' . parse_url( $url, PHP_URL_PORT );
$_SERVER['SERVER_NAME']    = parse_url( $url, PHP_URL_HOST );
$_SERVER['REQUEST_URI']    = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
require $site . '/wp-load.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

function ecomdir_install_fail( $message ) {
	fwrite( STDERR, "install-site: $message\n" );
	exit( 1 );
}

if ( 'core' === $step ) {
	$installed = wp_install( 'Magazin de test ecomdir', 'admin', 'admin@example.ro', false, '', wp_slash( wp_generate_password( 24 ) ), 'en_US' );
	if ( is_wp_error( $installed ) || empty( $installed['user_id'] ) ) {
		ecomdir_install_fail( 'wp_install failed' );
	}
	update_option( 'permalink_structure', '/%postname%/' );
	update_option( 'timezone_string', 'Europe/Bucharest' );
	update_option( 'date_format', 'Y-m-d' );
	update_option( 'time_format', 'H:i' );
	flush_rewrite_rules();
	// WooCommerce's own activation, minus its redirect; its installer runs on the next load.
	update_option( 'active_plugins', array( 'woocommerce/woocommerce.php' ) );
	echo "core installed\n";
	exit( 0 );
}

if ( 'woo' === $step ) {
	list( , , , , $mode, $sync ) = $argv + array_fill( 0, 6, '' );
	if ( ! class_exists( 'WC_Install' ) || ! get_option( 'woocommerce_version' ) ) {
		ecomdir_install_fail( 'WooCommerce did not install itself' );
	}
	// Make sure every table, page and role exists (idempotent).
	WC_Install::install();
	update_option( 'woocommerce_onboarding_profile', array( 'skipped' => true ) );
	update_option( 'woocommerce_task_list_hidden', 'yes' );
	update_option( 'woocommerce_default_country', 'RO:B' );
	update_option( 'woocommerce_currency', 'RON' );
	update_option( 'woocommerce_weight_unit', 'kg' );
	update_option( 'woocommerce_allow_tracking', 'no' );
	update_option( 'woocommerce_show_marketplace_suggestions', 'no' );
	update_option( 'woocommerce_coming_soon', 'no' );
	$sync_option = Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::ORDERS_DATA_SYNC_ENABLED_OPTION;
	$synchronizer = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
	if ( ! $synchronizer->check_orders_table_exists() ) {
		$synchronizer->create_database_tables();
	}
	if ( 'default' !== $sync ) {
		update_option( $sync_option, 'on' === $sync ? 'yes' : 'no' );
	}
	update_option( Automattic\WooCommerce\Internal\DataStores\Orders\CustomOrdersTableController::CUSTOM_ORDERS_TABLE_USAGE_ENABLED_OPTION, 'hpos' === $mode ? 'yes' : 'no' );
	wp_cache_flush();
	$hpos = Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	if ( $hpos !== ( 'hpos' === $mode ) ) {
		ecomdir_install_fail( "order storage did not switch to $mode" );
	}
	if ( 'default' !== $sync && ( 'yes' === get_option( $sync_option ) ) !== ( 'on' === $sync ) ) {
		ecomdir_install_fail( "compatibility sync did not switch $sync" );
	}
	echo 'woocommerce ' . WC_VERSION . ' installed, ' . ( $hpos ? 'hpos' : 'legacy' ) . ', sync ' . get_option( $sync_option ) . "\n";
	exit( 0 );
}

if ( 'finish' === $step ) {
	list( , , , , $admin_password, $woo, $locale ) = $argv + array_fill( 0, 7, '' );
	$admin = get_user_by( 'login', 'admin' );
	wp_set_password( $admin_password, $admin->ID );
	update_option( 'WPLANG', $locale ? $locale : '' );
	$result = activate_plugin( 'ecomdir-connect/ecomdir-connect.php' );
	if ( is_wp_error( $result ) ) {
		ecomdir_install_fail( 'activate ecomdir-connect failed: ' . $result->get_error_message() );
	}
	if ( '1' !== $woo ) {
		// WordPress (>= 6.5) activates a plugin that "Requires Plugins: woocommerce" only while
		// WooCommerce is active; "missing" is the shop where WooCommerce went away afterwards.
		deactivate_plugins( 'woocommerce/woocommerce.php', true );
	}
	echo "finished\n";
	exit( 0 );
}
ecomdir_install_fail( "unknown step $step" );
