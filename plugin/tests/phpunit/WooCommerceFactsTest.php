<?php
use PHPUnit\Framework\TestCase;

/**
 * What the old WooCommerce stand-in hid, each checked on the real WooCommerce 10 in the storage
 * of this suite: a feed from second 0, Europe/Bucharest's clock changes (legacy storage sorts and
 * queries by LOCAL time), block checkout's drafts, and which edits move the modification time.
 */
final class WooCommerceFactsTest extends TestCase {
	private function feed( array $args ) {
		$r = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', Test_Env::api_auth(), null, $args );
		$this->assertSame( 200, $r['status'], $r['body'] );
		return $r['json'];
	}

	private static function ids( $page ) {
		return array_map(
			static function ( $o ) {
				return $o->id;
			},
			$page->orders
		);
	}

	/** Walks the whole feed (status filter, pages of $limit) from a cursor; every order once, in order. */
	private function walk( array $cursor, $status, $limit ) {
		$seen = array();
		$last = null;
		for ( $pages = 0; $pages < 200; $pages++ ) {
			$page = $this->feed( $cursor + array( 'status' => $status, 'limit' => $limit ) );
			foreach ( $page->orders as $o ) {
				$key = array( strtotime( $o->modified_at ), $o->id );
				$this->assertTrue( null === $last || $key > $last, 'strictly after the previous order' );
				$last   = $key;
				$seen[] = $o;
			}
			if ( ! $page->next_cursor ) {
				return $seen;
			}
			$cursor = (array) $page->next_cursor;
		}
		$this->fail( 'the feed does not end' );
	}

	public function test_the_feed_from_the_beginning_is_never_empty() {
		$id = Ecomdir_Test_Orders::create_one( 21, 'pending', array( 'created' => time() - 7200, 'modified' => time() - 7200 ) );
		foreach ( array( array(), array( 'modified_after' => '1970-01-01T00:00:00Z' ), array( 'modified_after' => '1969-12-31T23:00:00Z', 'after_id' => 0 ) ) as $args ) {
			$all = $this->walk( $args, 'pending', 500 );
			$this->assertContains( $id, array_column( $all, 'id' ), 'from ' . wp_json_encode( $args ) );
		}
		$first = $this->feed( array( 'limit' => 1 ) );
		$this->assertCount( 1, $first->orders, 'no cursor at all: the first order' );
		$this->assertNotNull( $first->next_cursor );
	}

	/**
	 * Orders every 10 minutes across both of Europe/Bucharest's clock changes of 2024 (the site's
	 * time zone): 31 March 03:00 EET -> 04:00 EEST (a local hour missing) and 27 October 04:00
	 * EEST -> 03:00 EET (a local hour twice). Walked in pages of 4 and resumed from every single
	 * order's cursor: each comes exactly once, in UTC order, with its UTC time.
	 */
	public function test_the_feed_across_both_clock_changes() {
		$times = array();
		foreach ( array( '2024-03-30T23:05:00Z', '2024-10-26T23:05:00Z' ) as $from ) {
			for ( $t = strtotime( $from ); $t < strtotime( $from ) + 3 * 3600; $t += 600 ) {
				$times[] = $t;
			}
		}
		$ids = array();
		foreach ( $times as $n => $t ) {
			$ids[ Ecomdir_Test_Orders::create_one( $n, 'cancelled', array( 'created' => $t, 'modified' => $t ) ) ] = $t;
		}
		// Stored as given (legacy keeps the local column too: the autumn hour repeats there).
		foreach ( array_slice( $ids, 0, 3, true ) as $id => $t ) {
			$this->assertSame( $t, Test_Env::fresh_order( $id )->get_date_modified()->getTimestamp() );
		}
		$cursor = array(
			'modified_after' => '2024-03-30T00:00:00Z',
			'after_id'       => 0,
		);
		$ours   = array_values(
			array_filter(
				$this->walk( $cursor, 'cancelled', 4 ),
				static function ( $o ) use ( $ids ) {
					return isset( $ids[ $o->id ] );
				}
			)
		);
		$this->assertSame( array_keys( $ids ), array_column( $ours, 'id' ), 'every order once, in UTC order' );
		foreach ( $ours as $o ) {
			$this->assertSame( gmdate( 'Y-m-d\TH:i:s\Z', $ids[ $o->id ] ), $o->modified_at );
		}
		// Resuming from each order's cursor gives the next one: no UTC time is read an hour off.
		$list = array_keys( $ids );
		foreach ( $list as $i => $id ) {
			$next = $this->feed(
				array(
					'modified_after' => gmdate( 'Y-m-d\TH:i:s\Z', $ids[ $id ] ),
					'after_id'       => $id,
					'status'         => 'cancelled',
					'limit'          => 1,
				)
			);
			if ( isset( $list[ $i + 1 ] ) ) {
				$this->assertSame( array( $list[ $i + 1 ] ), self::ids( $next ), 'after ' . gmdate( 'c', $ids[ $id ] ) );
			}
		}
		// The same cursor written with the local offset names the same instant.
		$spring = $list[12]; // 2024-03-31T01:05Z = 04:05 EEST, just after the missing local hour.
		$local  = ( new DateTime( '@' . $ids[ $spring ] ) )->setTimezone( new DateTimeZone( 'Europe/Bucharest' ) )->format( 'Y-m-d\TH:i:sP' );
		$this->assertSame(
			self::ids( $this->feed( array( 'modified_after' => gmdate( 'Y-m-d\TH:i:s\Z', $ids[ $spring ] ), 'after_id' => $spring, 'status' => 'cancelled', 'limit' => 2 ) ) ),
			self::ids( $this->feed( array( 'modified_after' => $local, 'after_id' => $spring, 'status' => 'cancelled', 'limit' => 2 ) ) )
		);
	}

	public function test_block_checkout_drafts_are_not_orders_yet() {
		$draft = Ecomdir_Test_Orders::create_one( 22, 'checkout-draft', array( 'created' => time() - 600, 'modified' => time() - 600 ) );
		$this->assertSame( 'checkout-draft', Test_Env::fresh_order( $draft )->get_status(), 'WooCommerce registers the status' );
		$cursor = array( 'modified_after' => gmdate( 'Y-m-d\TH:i:s\Z', time() - 700 ) );
		$found  = static function ( $page ) use ( $draft ) {
			return in_array( $draft, array_column( $page->orders, 'id' ), true );
		};
		$this->assertFalse( $found( $this->feed( $cursor + array( 'limit' => 500 ) ) ), 'a draft is not delivered' );
		// The checkout places it: now it is an order, delivered once the settle window passed.
		$order = Test_Env::fresh_order( $draft );
		$order->set_status( 'processing' );
		$order->save();
		sleep( 3 );
		$this->assertTrue( $found( $this->feed( $cursor + array( 'limit' => 500 ) ) ) );
	}

	/**
	 * docs/connector-api.md, "Storage differences": which edits move the modification time, as
	 * WooCommerce 10.0.2 really does it. A customer-note edit sets the post excerpt, so it updates
	 * the post row (and the time) under legacy storage too; a note added for the customer does not
	 * save the order in either storage; a meta-only save moves it under HPOS only.
	 */
	public function test_which_edits_move_the_modification_time() {
		$past = time() - 3600;
		$ids  = array();
		foreach ( array( 'note', 'order_note', 'meta', 'status' ) as $n => $kind ) {
			$ids[ $kind ] = Ecomdir_Test_Orders::create_one( 23 + $n, 'on-hold', array( 'created' => $past, 'modified' => $past ) );
		}
		$moved = static function ( $id ) use ( $past ) {
			return Test_Env::fresh_order( $id )->get_date_modified()->getTimestamp() > $past;
		};
		$order = Test_Env::fresh_order( $ids['note'] );
		$order->set_customer_note( 'Livrare după ora 17.' );
		$order->save();
		$order = Test_Env::fresh_order( $ids['order_note'] );
		$order->add_order_note( 'Coletul pleacă mâine.', 1 );
		$order = Test_Env::fresh_order( $ids['meta'] );
		$order->update_meta_data( '_ecomdir_test', 'x' );
		$order->save();
		$order = Test_Env::fresh_order( $ids['status'] );
		$order->set_status( 'processing' );
		$order->save();

		$this->assertSame( 'Livrare după ora 17.', Test_Env::fresh_order( $ids['note'] )->get_customer_note() );
		$this->assertTrue( $moved( $ids['note'] ), 'a customer-note edit moves it (both storages)' );
		$this->assertFalse( $moved( $ids['order_note'] ), 'a note for the customer does not (both storages)' );
		$this->assertSame( Test_Env::is_hpos(), $moved( $ids['meta'] ), 'a meta-only save moves it under HPOS only' );
		$this->assertTrue( $moved( $ids['status'] ), 'a status change moves it (both storages)' );
	}
}
