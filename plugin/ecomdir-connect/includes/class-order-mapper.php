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

	/** @var array<int,WC_Product|false> products of the current page (prime() resets it) */
	private static $products = array();

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
	 * Loads what to_unified() reads for a whole page at once, in two queries instead of several
	 * per order: the items of these orders with all their meta rows, put where WooCommerce's
	 * own readers look first (the order's item list, each item's row, each item's meta rows
	 * with their ids, WordPress's order-item meta cache), then the items' products (posts and
	 * meta, for SKU and weight). WooCommerce's order query primes the orders, not their items.
	 *
	 * @param WC_Order[] $orders
	 */
	public static function prime( array $orders ) {
		global $wpdb;
		self::$products = array();
		$order_ids      = array();
		foreach ( $orders as $order ) {
			$order_ids[] = (int) $order->get_id();
		}
		if ( ! $order_ids ) {
			return;
		}
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- WooCommerce's tables, ids are ints.
		$rows = $wpdb->get_results(
			"SELECT i.order_item_id, i.order_id, i.order_item_type, i.order_item_name, m.meta_id, m.meta_key, m.meta_value
			FROM {$wpdb->prefix}woocommerce_order_items i
			LEFT JOIN {$wpdb->prefix}woocommerce_order_itemmeta m ON m.order_item_id = i.order_item_id
			WHERE i.order_id IN (" . implode( ',', $order_ids ) . ')
			ORDER BY i.order_item_id, m.meta_id'
		);
		// phpcs:enable
		$lists    = array_fill_keys( $order_ids, array() );
		$meta     = array();
		$wp_meta  = array();
		$products = array();
		foreach ( (array) $rows as $row ) {
			$item_id = (int) $row->order_item_id;
			if ( ! isset( $meta[ $item_id ] ) ) {
				$meta[ $item_id ]    = array();
				$wp_meta[ $item_id ] = array();
				$item                = (object) array(
					'order_item_type' => $row->order_item_type,
					'order_item_id'   => $row->order_item_id,
					'order_id'        => $row->order_id,
					'order_item_name' => $row->order_item_name,
				);
				$lists[ (int) $row->order_id ][] = $item;
				wp_cache_add( 'item-' . $item_id, $item, 'order-items' );
			}
			if ( null === $row->meta_id ) {
				continue;
			}
			$meta[ $item_id ][] = (object) array(
				'meta_id'    => $row->meta_id,
				'meta_key'   => $row->meta_key, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_key
				'meta_value' => $row->meta_value, // phpcs:ignore WordPress.DB.SlowDBQuery.slow_db_query_meta_value
			);
			$wp_meta[ $item_id ][ $row->meta_key ][] = $row->meta_value;
			if ( in_array( $row->meta_key, array( '_product_id', '_variation_id' ), true ) && (int) $row->meta_value > 0 ) {
				$products[ (int) $row->meta_value ] = true;
			}
		}
		foreach ( $lists as $order_id => $items ) {
			wp_cache_add( 'order-items-' . $order_id, $items, 'orders' );
		}
		foreach ( $wp_meta as $item_id => $values ) {
			wp_cache_add( $item_id, $values, 'order_item_meta' );
		}
		WC_Data::prime_raw_meta_data_cache( $meta, 'order-items' );
		if ( $products ) {
			_prime_post_caches( array_keys( $products ), true, true );
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
			$product = self::product_of( $item );
			$meta    = array();
			// WooCommerce's formatting loads the product again: only for items with visible meta.
			foreach ( self::has_visible_meta( $item ) ? $item->get_formatted_meta_data() : array() as $m ) {
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

	/** The item's product, loaded once per page for all items that share it. */
	private static function product_of( WC_Order_Item_Product $item ) {
		$id = (int) ( $item->get_variation_id() ? $item->get_variation_id() : $item->get_product_id() );
		if ( ! $id ) {
			return $item->get_product();
		}
		if ( ! array_key_exists( $id, self::$products ) ) {
			self::$products[ $id ] = $item->get_product();
		}
		return self::$products[ $id ];
	}

	/** Any meta get_formatted_meta_data() would show (it skips '_' keys and empty values). */
	private static function has_visible_meta( WC_Order_Item $item ) {
		foreach ( $item->get_meta_data() as $meta ) {
			if ( '' !== $meta->value && '_' !== substr( (string) $meta->key, 0, 1 ) ) {
				return true;
			}
		}
		return false;
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
