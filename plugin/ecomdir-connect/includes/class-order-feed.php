<?php
/**
 * The order feed behind GET orders: pages ordered by (modification time UTC, id), strictly after
 * a cursor. docs/connector-api.md ("Cursor") explains why each step is needed; in short:
 *  - the cursor is (modification time in UTC, id), compared as a pair in SQL on the storage's
 *    own UTC column (keys_after() says why not through wc_get_orders());
 *  - orders modified during the last few seconds are held back (settle window), so no order can
 *    later appear with a modification time behind a cursor already handed out;
 *  - an order modified while the server pages gets a new, later time and is delivered again later.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Order_Feed {
	const DEFAULT_SETTLE_SECONDS = 2;

	/**
	 * @param int      $after_ts  cursor modification time (UNIX, UTC)
	 * @param int      $after_id  cursor order id
	 * @param int      $limit     1..500
	 * @param string[] $statuses  status slugs without 'wc-'; empty = all
	 * @return array{orders:WC_Order[],next_cursor:?array{modified_after:string,after_id:int}}
	 */
	public static function page( $after_ts, $after_id, $limit, array $statuses ) {
		$settle = max( 0, (int) apply_filters( 'ecomdir_connect_cursor_settle_seconds', self::DEFAULT_SETTLE_SECONDS ) );
		$until  = time() - $settle;
		$empty  = array(
			'orders'      => array(),
			'next_cursor' => null,
		);
		// A cursor before 1970 (or at it) means "from the beginning"; never a bound of 0, which
		// WooCommerce's own date queries drop (legacy) or answer with nothing (HPOS).
		$after_ts = max( -1, (int) $after_ts );
		if ( $after_ts > $until ) {
			return $empty;
		}
		$keys     = self::keys_after( $after_ts, (int) $after_id, $until, $limit + 1, $statuses ? $statuses : self::default_statuses() );
		$has_more = count( $keys ) > $limit;
		$keys     = array_slice( $keys, 0, $limit );
		$orders   = self::load( array_column( $keys, 0 ) );
		if ( ! $has_more || ! $keys ) {
			return array(
				'orders'      => $orders,
				'next_cursor' => null,
			);
		}
		$last = end( $keys );
		return array(
			'orders'      => $orders,
			'next_cursor' => array(
				'modified_after' => Ecomdir_Connect_Dates::to_iso( $last[1] ),
				'after_id'       => $last[0],
			),
		);
	}

	/**
	 * Every order status but block checkout's drafts: a `checkout-draft` order is a cart in
	 * progress, not an order; it is delivered once the checkout turns it into one (its
	 * modification time moves then).
	 *
	 * @return string[] slugs without 'wc-'
	 */
	public static function default_statuses() {
		$slugs = array();
		foreach ( array_keys( wc_get_order_statuses() ) as $slug ) {
			$slug = 0 === strpos( $slug, 'wc-' ) ? substr( $slug, 3 ) : $slug;
			if ( 'checkout-draft' !== $slug ) {
				$slugs[] = $slug;
			}
		}
		return $slugs;
	}

	/**
	 * (id, modification UNIX time) of the next orders strictly after the cursor, in cursor order,
	 * read from the storage WooCommerce uses. Read here with SQL rather than wc_get_orders()
	 * because WooCommerce's date queries cannot express this cursor: on legacy storage they
	 * compare and sort by the LOCAL post_modified column (in the autumn clock change an hour
	 * repeats, so a cursor can pass orders it never handed over, and a UTC time in the missing
	 * spring hour moves by an hour), and a range from second 0 is dropped (legacy) or empties
	 * the answer (HPOS). Both storages keep the modification time in UTC as well
	 * (post_modified_gmt, date_updated_gmt); that is the key here, as in the unified order.
	 *
	 * @return array<int,array{0:int,1:int}>
	 */
	private static function keys_after( $after_ts, $after_id, $until_ts, $limit, array $statuses ) {
		global $wpdb;
		$db_statuses = array_map(
			static function ( $slug ) {
				return 'wc-' . $slug;
			},
			$statuses
		);
		if ( \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() ) {
			$table  = \Automattic\WooCommerce\Internal\DataStores\Orders\OrdersTableDataStore::get_orders_table_name();
			$id     = 'id';
			$date   = 'COALESCE(date_updated_gmt, date_created_gmt)';
			$where  = "type = 'shop_order' AND status";
		} else {
			$table = $wpdb->posts;
			$id    = 'ID';
			$date  = 'post_modified_gmt';
			$where = "post_type = 'shop_order' AND post_status";
		}
		$after  = gmdate( 'Y-m-d H:i:s', max( 0, $after_ts ) );
		$placeholders = implode( ',', array_fill( 0, count( $db_statuses ), '%s' ) );
		// $after_ts -1 (from the beginning) includes second 0 itself.
		$after_cmp = $after_ts < 0 ? '>=' : '>';
		// phpcs:disable WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- table and column names are ours.
		$rows = $wpdb->get_results(
			$wpdb->prepare(
				"SELECT $id AS id, $date AS modified FROM $table
				WHERE $where IN ($placeholders)
				AND $date <= %s
				AND ( $date $after_cmp %s OR ( $date = %s AND $id > %d ) )
				ORDER BY modified ASC, id ASC
				LIMIT %d",
				array_merge( $db_statuses, array( gmdate( 'Y-m-d H:i:s', $until_ts ), $after, $after, $after_id, $limit ) )
			),
			ARRAY_N
		);
		// phpcs:enable
		$keys = array();
		foreach ( (array) $rows as $row ) {
			$keys[] = array( (int) $row[0], (int) strtotime( $row[1] . ' UTC' ) );
		}
		return $keys;
	}

	/**
	 * The orders with these ids, in this order, loaded in one go: WooCommerce primes the meta,
	 * refunds and items of all of them at once (a few queries per page, not per order).
	 *
	 * @param int[] $ids
	 * @return WC_Order[]
	 */
	private static function load( array $ids ) {
		if ( ! $ids ) {
			return array();
		}
		$found = wc_get_orders(
			array(
				'type'     => 'shop_order',
				'post__in' => $ids,
				'status'   => array_keys( wc_get_order_statuses() ),
				'limit'    => count( $ids ),
				'orderby'  => 'ID',
				'order'    => 'ASC',
			)
		);
		$by_id = array();
		foreach ( $found as $order ) {
			$by_id[ $order->get_id() ] = $order;
		}
		$orders = array();
		foreach ( $ids as $id ) {
			if ( isset( $by_id[ $id ] ) ) {
				$orders[] = $by_id[ $id ];
			}
		}
		Ecomdir_Connect_Order_Mapper::prime( $orders );
		return $orders;
	}

	/** @return array{0:int,1:int} (modification UNIX time, id); creation time when never modified. */
	public static function key_of( WC_Order $order ) {
		$date = $order->get_date_modified() ? $order->get_date_modified() : $order->get_date_created();
		return array( $date ? $date->getTimestamp() : 0, (int) $order->get_id() );
	}
}
