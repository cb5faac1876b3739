<?php
/**
 * TEST STAND-IN for WooCommerce's global functions used by ecomdir Connect.
 */

defined( 'ABSPATH' ) || exit;

function WC() { // phpcs:ignore WordPress.NamingConventions.ValidFunctionName
	return WooCommerce::instance();
}

/** Like WooCommerce: status slugs with the 'wc-' prefix => labels. */
function wc_get_order_statuses() {
	return apply_filters(
		'wc_order_statuses',
		array(
			'wc-pending'    => 'Pending payment',
			'wc-processing' => 'Processing',
			'wc-on-hold'    => 'On hold',
			'wc-completed'  => 'Completed',
			'wc-cancelled'  => 'Cancelled',
			'wc-refunded'   => 'Refunded',
			'wc-failed'     => 'Failed',
		)
	);
}

function wc_get_price_decimals() {
	return absint( get_option( 'woocommerce_price_num_decimals', 2 ) );
}

/** Like WooCommerce: the admin screen id of the orders page in the active storage mode. */
function wc_get_page_screen_id( $for ) {
	if ( 'shop-order' === $for || 'shop_order' === $for ) {
		return Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() ? 'woocommerce_page_wc-orders' : 'shop_order';
	}
	return $for;
}

/** @return WC_Order|false */
function wc_get_order( $the_order = false ) {
	try {
		$order = new WC_Order( $the_order );
	} catch ( Exception $e ) {
		return false;
	}
	return $order->get_id() ? $order : false;
}

/**
 * Turns a WooCommerce date query value into [operator, UNIX time] conditions. Accepts
 * 'TS', '>TS', '>=TS', '<TS', '<=TS', 'A...B' (inclusive) with TS a UNIX time or a Y-m-d date.
 */
function standin_wc_parse_date_query( $value ) {
	$to_ts = static function ( $v ) {
		return ctype_digit( (string) $v ) ? (int) $v : strtotime( $v . ' 00:00:00 UTC' );
	};
	if ( false !== strpos( $value, '...' ) ) {
		list( $a, $b ) = explode( '...', $value, 2 );
		return array( array( '>=', $to_ts( $a ) ), array( '<=', $to_ts( $b ) ) );
	}
	if ( ! preg_match( '/^(>=|<=|>|<)?(.+)$/', (string) $value, $m ) ) {
		return array();
	}
	return array( array( '' === $m[1] ? '=' : $m[1], $to_ts( $m[2] ) ) );
}

/** WooCommerce's wc_get_orders() defaults and argument forms, normalized for the stores. */
function standin_wc_normalize_query( array $args ) {
	$args   = wp_parse_args(
		$args,
		array(
			'status'        => array_keys( wc_get_order_statuses() ),
			'type'          => 'shop_order',
			'limit'         => get_option( 'posts_per_page' ),
			'page'          => 1,
			'offset'        => null,
			'paginate'      => false,
			'orderby'       => 'date',
			'order'         => 'DESC',
			'exclude'       => array(),
			'return'        => 'objects',
			'date_modified' => '',
		)
	);
	$status = array();
	foreach ( (array) $args['status'] as $s ) {
		$status[] = 0 === strpos( $s, 'wc-' ) ? $s : 'wc-' . $s;
	}
	$keys    = array(
		'modified'      => 'modified',
		'date_modified' => 'modified',
		'id'            => 'id',
		'ID'            => 'id',
		'date'          => 'created',
		'date_created'  => 'created',
	);
	$orderby = array();
	$default = 'ASC' === strtoupper( $args['order'] ) ? 'ASC' : 'DESC';
	$pairs   = is_array( $args['orderby'] ) ? $args['orderby'] : array( $args['orderby'] => $default );
	foreach ( $pairs as $key => $dir ) {
		if ( isset( $keys[ $key ] ) ) {
			$orderby[ $keys[ $key ] ] = 'ASC' === strtoupper( $dir ) ? 'ASC' : 'DESC';
		}
	}
	$limit = (int) $args['limit'];
	$page  = max( 1, (int) $args['page'] );
	return array(
		'status'        => $status,
		'type'          => $args['type'],
		'limit'         => $limit,
		'page'          => $page,
		'offset'        => null !== $args['offset'] ? (int) $args['offset'] : ( $limit > 0 ? ( $page - 1 ) * $limit : 0 ),
		'paginate'      => (bool) $args['paginate'],
		'orderby'       => $orderby,
		'exclude'       => array_map( 'intval', (array) $args['exclude'] ),
		'return'        => $args['return'],
		'date_modified' => '' === $args['date_modified'] ? array() : standin_wc_parse_date_query( $args['date_modified'] ),
	);
}

/**
 * Like WooCommerce: an array of orders (or ids), or with 'paginate' an object with
 * orders, total and max_num_pages.
 */
function wc_get_orders( $args ) {
	$q      = standin_wc_normalize_query( $args );
	$result = Standin_Order_Stores::current()->query( $q );
	$orders = 'ids' === $q['return'] ? $result['ids'] : array_values( array_filter( array_map( 'wc_get_order', $result['ids'] ) ) );
	if ( ! $q['paginate'] ) {
		return $orders;
	}
	return (object) array(
		'orders'        => $orders,
		'total'         => $result['total'],
		'max_num_pages' => $q['limit'] > 0 ? (int) ceil( $result['total'] / $q['limit'] ) : 1,
	);
}

/** Like WooCommerce: notes of an order, newest first, as objects. */
function wc_get_order_notes( $args ) {
	$comments = get_comments(
		array(
			'post_id' => (int) $args['order_id'],
			'type'    => 'order_note',
			'orderby' => 'comment_ID',
			'order'   => 'DESC',
			'status'  => 'approve',
		)
	);
	return array_map(
		static function ( $c ) {
			return (object) array(
				'id'            => (int) $c->comment_ID,
				'content'       => $c->comment_content,
				'customer_note' => (bool) get_comment_meta( $c->comment_ID, 'is_customer_note', true ),
				'added_by'      => $c->comment_author,
			);
		},
		$comments
	);
}
