<?php
/**
 * TEST STAND-IN for WooCommerce's WC_Order: the getters, meta, notes, status and save() that
 * ecomdir Connect uses, with WooCommerce's names and return conventions.
 */

defined( 'ABSPATH' ) || exit;

class WC_Order {
	const ADDRESS_FIELDS = array( 'first_name', 'last_name', 'company', 'address_1', 'address_2', 'city', 'state', 'postcode', 'country', 'email', 'phone' );

	/** Props that WooCommerce's posts data store keeps in the post row (see the header). */
	const POST_ROW_PROPS = array( 'status', 'date_created', 'date_modified', 'parent_id', 'customer_note' );

	/** @var int */
	protected $id = 0;
	/** @var array */
	protected $props = array(
		'status'               => 'pending',
		'currency'             => 'RON',
		'parent_id'            => 0,
		'customer_id'          => 0,
		'date_created'         => null,
		'date_modified'        => null,
		'date_paid'            => null,
		'total'                => '0',
		'shipping_total'       => '0',
		'discount_total'       => '0',
		'cart_tax'             => '0',
		'shipping_tax'         => '0',
		'payment_method'       => '',
		'payment_method_title' => '',
		'customer_note'        => '',
		'billing'              => array(),
		'shipping'             => array(),
	);
	/** @var array list of stored item arrays */
	protected $items = array();
	/** @var array<string, mixed> meta key => value (one value per key is all the plugin needs) */
	protected $meta = array();
	/** @var array<string, true> changed props since the last save */
	protected $changes = array();
	/** @var array<string, string> meta key => 'set'|'delete' since the last save */
	protected $meta_changes = array();
	/** @var array|null pending status transition */
	protected $status_transition = null;

	/** @param int|WC_Order|WP_Post $order */
	public function __construct( $order = 0 ) {
		$id = is_numeric( $order ) ? (int) $order : ( $order instanceof WP_Post ? $order->ID : ( $order instanceof WC_Order ? $order->get_id() : 0 ) );
		if ( $id > 0 ) {
			$stored = Standin_Order_Stores::current()->read( $id );
			if ( null === $stored ) {
				throw new Exception( 'Invalid order.' );
			}
			$this->id    = $id;
			$this->props = array_merge( $this->props, $stored['props'] );
			$this->items = $stored['items'];
			$this->meta  = $stored['meta'];
		}
	}

	// ---- identity and status --------------------------------------------------------------

	public function get_id() {
		return $this->id;
	}

	public function get_type() {
		return 'shop_order';
	}

	public function get_order_number() {
		return (string) apply_filters( 'woocommerce_order_number', $this->id, $this );
	}

	public function get_status( $context = 'view' ) {
		return $this->props['status'];
	}

	public function has_status( $status ) {
		return in_array( $this->get_status(), (array) $status, true );
	}

	/** Like WooCommerce: paid means a status in wc_get_is_paid_statuses(). */
	public function is_paid() {
		return $this->has_status( apply_filters( 'woocommerce_order_is_paid_statuses', array( 'processing', 'completed' ) ) );
	}

	/**
	 * Sets the status ('wc-' prefix optional); the transition note and hooks run on save().
	 * @return array{from:string,to:string}
	 */
	public function set_status( $new_status, $note = '', $manual_update = false ) {
		$new_status = 0 === strpos( $new_status, 'wc-' ) ? substr( $new_status, 3 ) : $new_status;
		$old        = $this->props['status'];
		if ( $new_status !== $old ) {
			$this->status_transition = array(
				'from' => $this->status_transition['from'] ?? $old,
				'to'   => $new_status,
				'note' => $note,
			);
			$this->set_prop( 'status', $new_status );
		}
		return array(
			'from' => $old,
			'to'   => $new_status,
		);
	}

	// ---- money ------------------------------------------------------------------------------

	public function get_currency() {
		return $this->props['currency'];
	}

	public function get_total() {
		return (string) $this->props['total'];
	}

	public function get_shipping_total() {
		return (string) $this->props['shipping_total'];
	}

	public function get_discount_total() {
		return (string) $this->props['discount_total'];
	}

	public function get_total_tax() {
		return (string) ( (float) $this->props['cart_tax'] + (float) $this->props['shipping_tax'] );
	}

	/** Sum of line subtotals, like WooCommerce. */
	public function get_subtotal() {
		$sum = 0.0;
		foreach ( $this->get_items() as $item ) {
			$sum += (float) $item->get_subtotal();
		}
		return $sum;
	}

	/** Unit price before discounts, like WooCommerce's get_item_subtotal(). */
	public function get_item_subtotal( $item, $inc_tax = false, $round = true ) {
		$qty   = max( 1, (int) $item->get_quantity() );
		$value = (float) $item->get_subtotal() / $qty;
		return $round ? round( $value, wc_get_price_decimals() ) : $value;
	}

	public function get_payment_method() {
		return $this->props['payment_method'];
	}

	public function get_payment_method_title() {
		return $this->props['payment_method_title'];
	}

	public function get_customer_note() {
		return $this->props['customer_note'];
	}

	public function get_customer_id() {
		return (int) $this->props['customer_id'];
	}

	// ---- dates ------------------------------------------------------------------------------

	/** @return WC_DateTime|null */
	public function get_date_created() {
		return null === $this->props['date_created'] ? null : WC_DateTime::from_timestamp( $this->props['date_created'] );
	}

	/** @return WC_DateTime|null */
	public function get_date_modified() {
		return null === $this->props['date_modified'] ? null : WC_DateTime::from_timestamp( $this->props['date_modified'] );
	}

	/** @return WC_DateTime|null */
	public function get_date_paid() {
		return null === $this->props['date_paid'] ? null : WC_DateTime::from_timestamp( $this->props['date_paid'] );
	}

	/** @param int|string|WC_DateTime|null $date */
	public function set_date_modified( $date = null ) {
		$this->set_prop( 'date_modified', self::to_timestamp( $date ) );
	}

	/** @param int|string|WC_DateTime|null $date */
	public function set_date_created( $date = null ) {
		$this->set_prop( 'date_created', self::to_timestamp( $date ) );
	}

	// ---- addresses --------------------------------------------------------------------------

	/** Like WooCommerce: the address fields of 'billing' or 'shipping'. */
	public function get_address( $address_type = 'billing' ) {
		$out = array();
		foreach ( self::ADDRESS_FIELDS as $field ) {
			if ( 'shipping' === $address_type && 'email' === $field ) {
				continue;
			}
			$out[ $field ] = (string) ( $this->props[ $address_type ][ $field ] ?? '' );
		}
		return $out;
	}

	/**
	 * get_billing_first_name(), set_shipping_city() and the other address accessors; WooCommerce
	 * spells each one out, the stand-in routes them here to stay short.
	 */
	public function __call( $name, $args ) {
		if ( preg_match( '/^(get|set)_(billing|shipping)_(' . implode( '|', self::ADDRESS_FIELDS ) . ')$/', $name, $m ) ) {
			if ( 'get' === $m[1] ) {
				return (string) ( $this->props[ $m[2] ][ $m[3] ] ?? '' );
			}
			$address          = $this->props[ $m[2] ];
			$address[ $m[3] ] = (string) $args[0];
			$this->set_prop( $m[2], $address );
			return null;
		}
		throw new BadMethodCallException( 'WC_Order stand-in has no method ' . $name );
	}

	public function get_formatted_billing_full_name() {
		return trim( $this->get_billing_first_name() . ' ' . $this->get_billing_last_name() );
	}

	// ---- items ------------------------------------------------------------------------------

	/** @return WC_Order_Item[] keyed by item id */
	public function get_items( $types = 'line_item' ) {
		$out = array();
		foreach ( $this->items as $data ) {
			$item = standin_wc_item_from_array( $data );
			if ( in_array( $item->get_type(), (array) $types, true ) ) {
				$out[ $item->get_id() ] = $item;
			}
		}
		return $out;
	}

	/** @return WC_Order_Item_Shipping[] */
	public function get_shipping_methods() {
		return $this->get_items( 'shipping' );
	}

	// ---- meta -------------------------------------------------------------------------------

	public function get_meta( $key = '', $single = true, $context = 'view' ) {
		if ( ! array_key_exists( $key, $this->meta ) ) {
			return $single ? '' : array();
		}
		return $single ? $this->meta[ $key ] : array( (object) array( 'key' => $key, 'value' => $this->meta[ $key ] ) );
	}

	public function meta_exists( $key = '' ) {
		return array_key_exists( $key, $this->meta );
	}

	public function update_meta_data( $key, $value, $meta_id = 0 ) {
		$this->meta[ $key ]         = $value;
		$this->meta_changes[ $key ] = 'set';
	}

	public function add_meta_data( $key, $value, $unique = false ) {
		if ( $unique && array_key_exists( $key, $this->meta ) ) {
			return;
		}
		$this->update_meta_data( $key, $value );
	}

	public function delete_meta_data( $key ) {
		unset( $this->meta[ $key ] );
		$this->meta_changes[ $key ] = 'delete';
	}

	// ---- notes ------------------------------------------------------------------------------

	/** Like WooCommerce: an order note is a comment of type order_note on the order id. */
	public function add_order_note( $note, $is_customer_note = 0, $added_by_user = false ) {
		if ( ! $this->id ) {
			return 0;
		}
		$user         = $added_by_user ? wp_get_current_user() : null;
		$comment_id   = wp_insert_comment(
			array(
				'comment_post_ID'      => $this->id,
				'comment_author'       => $user && $user->exists() ? $user->display_name : 'WooCommerce',
				'comment_author_email' => $user && $user->exists() ? $user->user_email : '',
				'comment_content'      => $note,
				'comment_agent'        => 'WooCommerce',
				'comment_type'         => 'order_note',
				'comment_approved'     => 1,
			)
		);
		if ( $is_customer_note ) {
			add_comment_meta( $comment_id, 'is_customer_note', 1 );
			do_action(
				'woocommerce_new_customer_note',
				array(
					'order_id'      => $this->id,
					'customer_note' => $note,
				)
			);
		}
		do_action( 'woocommerce_order_note_added', $comment_id, $this );
		return $comment_id;
	}

	// ---- persistence ------------------------------------------------------------------------

	/** Props changed since the last save (WooCommerce's WC_Data::get_changes() returns values). */
	public function get_changes() {
		return array_intersect_key( $this->props, $this->changes );
	}

	/** Stand-in helper: meta keys set or deleted since the last save. */
	public function standin_meta_changes() {
		return $this->meta_changes;
	}

	/** Stand-in helper: everything the stores persist. */
	public function standin_data() {
		return array(
			'props' => $this->props,
			'items' => $this->items,
			'meta'  => $this->meta,
		);
	}

	/** Stand-in helper used by the factory. */
	public function standin_set_items( array $items ) {
		$this->items = $items;
	}

	/** Stand-in helper used by the factory and by set_* methods. */
	public function set_prop( $prop, $value ) {
		$this->props[ $prop ]   = $value;
		$this->changes[ $prop ] = true;
	}

	/** Saves through the active data store, firing WooCommerce's hooks; returns the id. */
	public function save() {
		$store = Standin_Order_Stores::current();
		do_action( 'woocommerce_before_order_object_save', $this, $store );
		$is_new = 0 === $this->id;
		if ( $this->status_transition && in_array( $this->status_transition['to'], array( 'processing', 'completed' ), true ) && null === $this->props['date_paid'] ) {
			$this->set_prop( 'date_paid', time() );
		}
		if ( $is_new ) {
			if ( null === $this->props['date_created'] ) {
				$this->props['date_created'] = time();
			}
			$this->id = $store->create( $this );
		} else {
			$store->update( $this );
		}
		// The store may have set date_modified; re-read the row-level values it owns.
		$this->props['date_modified'] = $store->read_date_modified( $this->id );
		$this->changes                = array();
		$this->meta_changes           = array();
		$transition                   = $this->status_transition;
		$this->status_transition      = null;
		if ( $transition ) {
			/* Like WooCommerce, the transition adds a note and fires the status hooks. */
			$this->add_order_note( trim( $transition['note'] . ' ' . sprintf( 'Order status changed from %1$s to %2$s.', $transition['from'], $transition['to'] ) ) );
			do_action( 'woocommerce_order_status_' . $transition['to'], $this->id, $this );
			do_action( 'woocommerce_order_status_changed', $this->id, $transition['from'], $transition['to'], $this );
		}
		do_action( $is_new ? 'woocommerce_new_order' : 'woocommerce_update_order', $this->id, $this );
		do_action( 'woocommerce_after_order_object_save', $this, $store );
		return $this->id;
	}

	/** @param int|string|WC_DateTime|null $date */
	protected static function to_timestamp( $date ) {
		if ( null === $date || '' === $date ) {
			return null;
		}
		if ( $date instanceof DateTimeInterface ) {
			return $date->getTimestamp();
		}
		return is_numeric( $date ) ? (int) $date : strtotime( $date );
	}

	public function get_edit_order_url() {
		return Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled()
			? admin_url( 'admin.php?page=wc-orders&action=edit&id=' . $this->id )
			: admin_url( 'post.php?post=' . $this->id . '&action=edit' );
	}
}
