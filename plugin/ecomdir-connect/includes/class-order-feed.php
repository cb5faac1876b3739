<?php
/**
 * The order feed behind GET orders: pages ordered by (modification time UTC, id), strictly after
 * a cursor. docs/connector-api.md ("Cursor") explains why each step is needed; in short:
 *  - WooCommerce compares modification times by the second, so the query uses ">= cursor second"
 *    and the orders of that second at or before the cursor id are excluded;
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
		if ( $after_ts > $until ) {
			return $empty;
		}
		$base = array( 'type' => 'shop_order' );
		if ( $statuses ) {
			$base['status'] = $statuses;
		}
		// Orders sharing the cursor's second that are not after the cursor id.
		$same_second = wc_get_orders(
			$base + array(
				'date_modified' => $after_ts . '...' . $after_ts,
				'limit'         => -1,
				'return'        => 'ids',
				'orderby'       => 'ID',
				'order'         => 'ASC',
			)
		);
		$exclude     = array_values(
			array_filter(
				array_map( 'intval', $same_second ),
				static function ( $id ) use ( $after_id ) {
					return $id <= $after_id;
				}
			)
		);
		$found       = wc_get_orders(
			$base + array(
				'date_modified' => $after_ts . '...' . $until,
				'exclude'       => $exclude,
				'orderby'       => array(
					'modified' => 'ASC',
					'ID'       => 'ASC',
				),
				'limit'         => $limit + 1,
			)
		);
		$orders      = array();
		foreach ( $found as $order ) {
			$key = self::key_of( $order );
			// Defensive: anything not strictly after the cursor (or past the window) is skipped.
			if ( $key[0] > $until || ! ( $key[0] > $after_ts || ( $key[0] === $after_ts && $key[1] > $after_id ) ) ) {
				continue;
			}
			$orders[] = $order;
		}
		$has_more = count( $found ) > $limit;
		$orders   = array_slice( $orders, 0, $limit );
		if ( ! $has_more || ! $orders ) {
			return array(
				'orders'      => $orders,
				'next_cursor' => null,
			);
		}
		$last = self::key_of( end( $orders ) );
		return array(
			'orders'      => $orders,
			'next_cursor' => array(
				'modified_after' => Ecomdir_Connect_Dates::to_iso( $last[0] ),
				'after_id'       => $last[1],
			),
		);
	}

	/** @return array{0:int,1:int} (modification UNIX time, id); creation time when never modified. */
	public static function key_of( WC_Order $order ) {
		$date = $order->get_date_modified() ? $order->get_date_modified() : $order->get_date_created();
		return array( $date ? $date->getTimestamp() : 0, (int) $order->get_id() );
	}
}
