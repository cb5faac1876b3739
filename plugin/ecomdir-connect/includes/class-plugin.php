<?php
/**
 * Wiring: every hook of the plugin is registered here, in one visible place.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Plugin {
	public static function boot() {
		add_action( 'init', array( __CLASS__, 'load_textdomain' ) );
		add_action( 'before_woocommerce_init', array( __CLASS__, 'declare_hpos_compatibility' ) );
		// WooCommerce loads after this plugin (alphabetical order), so look for it once all are loaded.
		add_action( 'plugins_loaded', array( __CLASS__, 'wire' ), 20 );
	}

	/** Activation: the next wp-admin pages lead the owner to the Connect page (no outgoing call). */
	public static function activate() {
		if ( ! Ecomdir_Connect_Settings::is_connected() ) {
			Ecomdir_Connect_Settings::update( array( 'show_connect_notice' => true ) );
		}
	}

	/** Shown after activation until the store is connected or the owner opened the Connect page. */
	public static function connect_notice() {
		if ( ! Ecomdir_Connect_Settings::get( 'show_connect_notice' ) || Ecomdir_Connect_Settings::is_connected() || ! current_user_can( Ecomdir_Connect_Admin_Page::CAPABILITY ) ) {
			return;
		}
		$screen = function_exists( 'get_current_screen' ) ? get_current_screen() : null;
		if ( $screen && false !== strpos( (string) $screen->id, Ecomdir_Connect_Admin_Page::SLUG ) ) {
			return;
		}
		printf(
			'<div class="notice notice-info" id="ecomdir-connect-activated"><p>%1$s <a class="button button-primary" href="%2$s">%3$s</a></p></div>',
			esc_html__( 'ecomdir Connect is active. Connect this store to your ecomdir server so that your orders reach your packers.', 'ecomdir-connect' ),
			esc_url( Ecomdir_Connect_Admin_Page::url() ),
			esc_html__( 'Connect to ecomdir', 'ecomdir-connect' )
		);
	}

	public static function load_textdomain() {
		load_plugin_textdomain( 'ecomdir-connect', false, dirname( plugin_basename( ECOMDIR_CONNECT_FILE ) ) . '/languages' );
	}

	public static function declare_hpos_compatibility() {
		if ( class_exists( \Automattic\WooCommerce\Utilities\FeaturesUtil::class ) ) {
			\Automattic\WooCommerce\Utilities\FeaturesUtil::declare_compatibility( 'custom_order_tables', ECOMDIR_CONNECT_FILE, true );
		}
	}

	public static function woocommerce_active() {
		return class_exists( 'WooCommerce' ) && function_exists( 'wc_get_orders' );
	}

	public static function wire() {
		if ( ! self::woocommerce_active() ) {
			add_action( 'admin_notices', array( __CLASS__, 'woocommerce_missing_notice' ) );
			return;
		}
		add_action( 'rest_api_init', array( 'Ecomdir_Connect_Rest_Controller', 'register_routes' ) );
		add_action( 'admin_menu', array( 'Ecomdir_Connect_Admin_Page', 'register_menu' ) );
		add_action( 'admin_post_' . Ecomdir_Connect_Admin_Page::SAVE_ACTION, array( 'Ecomdir_Connect_Admin_Page', 'handle_save' ) );
		add_action( 'admin_post_' . Ecomdir_Connect_Admin_Page::DISCONNECT_ACTION, array( 'Ecomdir_Connect_Admin_Page', 'handle_disconnect' ) );
		add_action( 'admin_init', array( __CLASS__, 'privacy_policy_content' ) );
		add_action( 'admin_notices', array( __CLASS__, 'connect_notice' ) );
		Ecomdir_Connect_Packer_Lock_Guard::register();
		Ecomdir_Connect_Order_Admin::register();
	}

	public static function woocommerce_missing_notice() {
		if ( ! current_user_can( 'activate_plugins' ) ) {
			return;
		}
		printf(
			'<div class="notice notice-error"><p>%s</p></div>',
			esc_html__( 'ecomdir Connect needs WooCommerce. Install and activate WooCommerce to connect this store to ecomdir.', 'ecomdir-connect' )
		);
	}

	public static function privacy_policy_content() {
		if ( function_exists( 'wp_add_privacy_policy_content' ) ) {
			wp_add_privacy_policy_content(
				'ecomdir Connect',
				wp_kses_post( wpautop( __( 'This store sends its orders (customer name, address, phone, email, ordered products and totals) to the ecomdir server chosen by the shop owner, so that the shop can pack and ship them. The data goes only to that server, only after the owner connects the store.', 'ecomdir-connect' ) ) )
			);
		}
	}
}
