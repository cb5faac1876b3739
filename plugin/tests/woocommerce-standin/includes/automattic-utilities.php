<?php
/**
 * TEST STAND-IN for the two WooCommerce utility classes the plugin calls.
 */

namespace Automattic\WooCommerce\Utilities;

defined( 'ABSPATH' ) || exit;

class OrderUtil {
	/** True when orders live in the HPOS tables (WooCommerce reads the same option). */
	public static function custom_orders_table_usage_is_enabled() {
		return 'yes' === get_option( 'woocommerce_custom_orders_table_enabled', 'no' );
	}
}

class FeaturesUtil {
	/** @var array<string, array<string, bool>> feature => plugin file => compatible */
	private static $declared = array();

	/** Like WooCommerce: only valid while `before_woocommerce_init` runs. */
	public static function declare_compatibility( $feature_id, $plugin_file, $positive_compatibility = true ) {
		if ( ! doing_action( 'before_woocommerce_init' ) ) {
			_doing_it_wrong( __METHOD__, 'declare_compatibility must be called on before_woocommerce_init.', '7.0' );
			return false;
		}
		self::$declared[ $feature_id ][ plugin_basename( $plugin_file ) ] = (bool) $positive_compatibility;
		return true;
	}

	/** Stand-in helper for tests: what was declared. */
	public static function standin_declared() {
		return self::$declared;
	}
}
