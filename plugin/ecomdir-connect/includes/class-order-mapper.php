<?php
/**
 * WooCommerce order -> the unified order of the contract (docs/schemas/unified-order.schema.json).
 * Pure reading through WooCommerce's public getters.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Order_Mapper {
	const ADDRESS_FIELDS = array( 'first_name', 'last_name', 'company', 'email', 'phone', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country' );

	public static function to_unified( WC_Order $order ) {
		$created  = Ecomdir_Connect_Dates::iso_of( $order->get_date_created() );
		$modified = Ecomdir_Connect_Dates::iso_of( $order->get_date_modified() );
		$lines    = array();
		foreach ( $order->get_shipping_methods() as $line ) {
			$lines[] = array(
				'method_id'    => (string) $line->get_method_id(),
				'method_title' => (string) $line->get_method_title(),
				'total'        => self::money( $line->get_total() ),
			);
		}
		return array(
			'id'                   => (int) $order->get_id(),
			'number'               => (string) $order->get_order_number(),
			'status'               => (string) $order->get_status(),
			'created_at'           => $created,
			'modified_at'          => $modified ? $modified : $created,
			'currency'             => (string) $order->get_currency(),
			'total'                => self::money( $order->get_total() ),
			'subtotal'             => self::money( $order->get_subtotal() ),
			'shipping_total'       => self::money( $order->get_shipping_total() ),
			'discount_total'       => self::money( $order->get_discount_total() ),
			'tax_total'            => self::money( $order->get_total_tax() ),
			'payment_method'       => (string) $order->get_payment_method(),
			'payment_method_title' => (string) $order->get_payment_method_title(),
			'paid'                 => (bool) $order->is_paid(),
			'customer_note'        => (string) $order->get_customer_note(),
			'billing'              => self::address( $order->get_address( 'billing' ) ),
			'shipping'             => self::address( $order->get_address( 'shipping' ) ),
			'items'                => self::items( $order ),
			'shipping_lines'       => $lines,
			'packer'               => Ecomdir_Connect_Packer::read( $order ),
			'shipment'             => Ecomdir_Connect_Shipment::read( $order ),
		);
	}

	/**
	 * Loads what to_unified() reads for a whole page at once: the products of the items (posts
	 * and meta, for SKU and weight). WooCommerce's order query has already primed the orders'
	 * meta and items.
	 *
	 * @param WC_Order[] $orders
	 */
	public static function prime( array $orders ) {
		$product_ids = array();
		foreach ( $orders as $order ) {
			foreach ( $order->get_items() as $item ) {
				$id = $item->get_variation_id() ? $item->get_variation_id() : $item->get_product_id();
				if ( $id ) {
					$product_ids[ $id ] = true;
				}
			}
		}
		if ( $product_ids ) {
			_prime_post_caches( array_keys( $product_ids ), false, true );
		}
	}

	/** Decimal string with the shop's decimals, never a float (the server must not round). */
	public static function money( $value ) {
		$decimals = function_exists( 'wc_get_price_decimals' ) ? wc_get_price_decimals() : 2;
		return number_format( (float) $value, $decimals, '.', '' );
	}

	private static function address( array $address ) {
		$out = array();
		foreach ( self::ADDRESS_FIELDS as $field ) {
			$out[ $field ] = (string) ( $address[ $field ] ?? '' );
		}
		return $out;
	}

	private static function items( WC_Order $order ) {
		$items = array();
		foreach ( $order->get_items() as $item ) {
			$product = $item->get_product();
			$meta    = array();
			foreach ( $item->get_formatted_meta_data() as $m ) {
				$meta[] = array(
					'key'   => wp_strip_all_tags( (string) $m->display_key ),
					'value' => trim( wp_strip_all_tags( (string) $m->display_value ) ),
				);
			}
			$items[] = array(
				'id'           => (int) $item->get_id(),
				'product_id'   => (int) $item->get_product_id(),
				'variation_id' => (int) $item->get_variation_id(),
				'sku'          => $product ? (string) $product->get_sku() : '',
				'name'         => (string) $item->get_name(),
				'quantity'     => (int) $item->get_quantity(),
				'unit_price'   => self::money( $order->get_item_subtotal( $item, false, false ) ),
				'total'        => self::money( $item->get_total() ),
				'weight_kg'    => $product ? self::weight_kg( $product->get_weight() ) : null,
				'meta'         => $meta,
			);
		}
		return $items;
	}

	/** Weight per unit in kilograms as a decimal string, or null when the product has none. */
	private static function weight_kg( $weight ) {
		if ( '' === (string) $weight || ! is_numeric( $weight ) ) {
			return null;
		}
		$factor = array(
			'kg'  => 1,
			'g'   => 0.001,
			'lbs' => 0.45359237,
			'oz'  => 0.028349523125,
		);
		$unit   = (string) get_option( 'woocommerce_weight_unit', 'kg' );
		$kg     = (float) $weight * ( $factor[ $unit ] ?? 1 );
		return rtrim( rtrim( number_format( $kg, 4, '.', '' ), '0' ), '.' );
	}
}
