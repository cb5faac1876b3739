<?php
/**
 * TEST STAND-IN for WooCommerce order items and the product getters the plugin reads.
 * Items are plain data here (kept with the order); WooCommerce keeps them in its own tables.
 */

defined( 'ABSPATH' ) || exit;

/** Minimal product: WooCommerce would load it by id; the stand-in carries sku and weight along. */
class WC_Product {
	/** @var array */
	private $data;

	public function __construct( array $data ) {
		$this->data = $data;
	}

	public function get_id() {
		return (int) $this->data['id'];
	}

	public function get_sku() {
		return (string) $this->data['sku'];
	}

	/** Weight in the shop's unit (option woocommerce_weight_unit), as a string; '' when unset. */
	public function get_weight() {
		return (string) $this->data['weight'];
	}
}

abstract class WC_Order_Item {
	/** @var array */
	protected $data;

	public function __construct( array $data ) {
		$this->data = $data;
	}

	public function get_id() {
		return (int) $this->data['id'];
	}

	public function get_name() {
		return (string) $this->data['name'];
	}

	public function get_total() {
		return (string) $this->data['total'];
	}

	abstract public function get_type();

	/** Stand-in storage helper. */
	public function to_array() {
		return $this->data + array( 'type' => $this->get_type() );
	}
}

class WC_Order_Item_Product extends WC_Order_Item {
	public function get_type() {
		return 'line_item';
	}

	public function get_product_id() {
		return (int) $this->data['product_id'];
	}

	public function get_variation_id() {
		return (int) $this->data['variation_id'];
	}

	public function get_quantity() {
		return (int) $this->data['quantity'];
	}

	/** Line subtotal before discounts, excluding tax. */
	public function get_subtotal() {
		return (string) $this->data['subtotal'];
	}

	/** @return WC_Product|false */
	public function get_product() {
		$id = $this->get_variation_id() ? $this->get_variation_id() : $this->get_product_id();
		if ( ! $id ) {
			return false;
		}
		return new WC_Product(
			array(
				'id'     => $id,
				'sku'    => $this->data['sku'] ?? '',
				'weight' => $this->data['weight'] ?? '',
			)
		);
	}

	/**
	 * Like WooCommerce: objects with key, value, display_key, display_value; keys starting with
	 * $hideprefix are left out.
	 */
	public function get_formatted_meta_data( $hideprefix = '_', $include_all = false ) {
		$out = array();
		foreach ( (array) ( $this->data['meta'] ?? array() ) as $i => $m ) {
			if ( ! $include_all && '' !== $hideprefix && 0 === strpos( $m['key'], $hideprefix ) ) {
				continue;
			}
			$out[ $i ] = (object) array(
				'key'           => $m['key'],
				'value'         => $m['value'],
				'display_key'   => $m['key'],
				'display_value' => wpautop( esc_html( $m['value'] ) ),
			);
		}
		return $out;
	}
}

class WC_Order_Item_Shipping extends WC_Order_Item {
	public function get_type() {
		return 'shipping';
	}

	public function get_method_id() {
		return (string) $this->data['method_id'];
	}

	public function get_method_title() {
		return $this->get_name();
	}
}

/** Stand-in helper: rebuilds item objects from stored arrays. */
function standin_wc_item_from_array( array $data ) {
	return 'shipping' === ( $data['type'] ?? '' ) ? new WC_Order_Item_Shipping( $data ) : new WC_Order_Item_Product( $data );
}
