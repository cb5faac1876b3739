<?php
/**
 * Plugin Name: WooCommerce (TEST STAND-IN)
 * Description: TEST STAND-IN for WooCommerce, used only by the ecomdir Connect test suite. It is NOT WooCommerce.
 * Version: 8.9.0
 *
 * THIS IS A TEST STAND-IN, NOT WOOCOMMERCE.
 *
 * WooCommerce cannot be installed offline, so the plugin tests load this file in its place. It
 * implements only the part of WooCommerce's public API that ecomdir Connect calls, with
 * WooCommerce's own names and semantics:
 *   - wc_get_orders() (status, type, date_modified comparisons '>=TS' / '<TS' / 'A...B', orderby
 *     modified|id|date (string or array), order, limit, page, offset, paginate, exclude, return),
 *     wc_get_order(), wc_get_order_statuses(), wc_get_page_screen_id(), wc_get_price_decimals(),
 *     wc_get_order_notes(), WC(), the WooCommerce class and WC_VERSION;
 *   - WC_Order (getters used by the unified order, meta, notes, set_status, save), order items,
 *     WC_DateTime;
 *   - Automattic\WooCommerce\Utilities\OrderUtil and FeaturesUtil;
 *   - the hooks: before_woocommerce_init, woocommerce_loaded, woocommerce_init,
 *     woocommerce_before_order_object_save, woocommerce_after_order_object_save,
 *     woocommerce_new_order, woocommerce_update_order, woocommerce_order_status_changed.
 *
 * Storage persists in the WordPress database, in the mode chosen by WooCommerce's own option
 * `woocommerce_custom_orders_table_enabled`:
 *   - 'yes' (HPOS): its own tables {prefix}wc_orders and {prefix}wc_orders_meta; every save
 *     updates the modification time (as WooCommerce's HPOS data store does);
 *   - 'no' (legacy): posts of type shop_order plus postmeta; a save that changes only meta or
 *     only adds a note does NOT update the modification time (as WooCommerce's posts data store:
 *     the post row is updated only when status, dates, parent or customer note change).
 * Simplifications, invisible to the plugin: addresses, totals and items are kept as one JSON
 * column/meta instead of WooCommerce's address and order-item tables; no sync between storages.
 *
 * Test data helpers (bulk creation of realistic Romanian orders, modifications) live in
 * includes/class-standin-orders-factory.php and are exposed on the command line by
 * plugin/tests/harness/orders.php.
 */

defined( 'ABSPATH' ) || exit;

define( 'WC_VERSION', '8.9.0' );
define( 'WC_PLUGIN_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-wc-datetime.php';
require_once __DIR__ . '/includes/automattic-utilities.php';
require_once __DIR__ . '/includes/class-wc-order-items.php';
require_once __DIR__ . '/includes/class-standin-order-stores.php';
require_once __DIR__ . '/includes/class-wc-order.php';
require_once __DIR__ . '/includes/functions.php';
require_once __DIR__ . '/includes/class-standin-orders-factory.php';

/** Main class; real WooCommerce exposes the same name, `version` and the WC() accessor. */
final class WooCommerce {
	/** @var string */
	public $version = WC_VERSION;
	/** @var WooCommerce|null */
	private static $instance = null;

	public static function instance() {
		if ( null === self::$instance ) {
			self::$instance = new self();
		}
		return self::$instance;
	}
}

register_activation_hook( __FILE__, array( 'Standin_Order_Stores', 'install' ) );

// Like WooCommerce: the shop_order post type (legacy storage) and the WooCommerce admin menu.
add_action(
	'init',
	static function () {
		register_post_type(
			'shop_order',
			array(
				'public'          => false,
				'show_ui'         => true,
				'capability_type' => 'shop_order',
				'map_meta_cap'    => true,
				'supports'        => array( 'title', 'comments', 'custom-fields' ),
				'label'           => 'Orders',
			)
		);
	},
	5
);
add_action(
	'admin_menu',
	static function () {
		add_menu_page( 'WooCommerce', 'WooCommerce', 'edit_others_shop_orders', 'woocommerce', '__return_null', 'dashicons-cart', 55 );
	},
	9
);

// WooCommerce fires these while loading, in this order, once plugins are loaded.
add_action(
	'plugins_loaded',
	static function () {
		do_action( 'before_woocommerce_init' );
		WC();
		do_action( 'woocommerce_loaded' );
	},
	-10
);
add_action(
	'init',
	static function () {
		do_action( 'woocommerce_init' );
	},
	0
);
