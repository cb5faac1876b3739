<?php
use PHPUnit\Framework\TestCase;

/**
 * Cursor paging of GET orders over 200 orders, 70 of which share one modification second,
 * with orders modified while the pages are read: nothing skipped, nothing repeated forever.
 */
final class OrderFeedTest extends TestCase {
	const LIMIT = 31; // Not a divisor of anything here, so pages end inside the shared second.

	private function page( array $cursor ) {
		$r = Test_Env::client()->rest(
			'GET',
			'ecomdir/v1/orders',
			Test_Env::api_auth(),
			null,
			$cursor + array(
				'limit'  => self::LIMIT,
				'status' => 'on-hold',
			)
		);
		$this->assertSame( 200, $r['status'], $r['body'] );
		return $r['json'];
	}

	public function test_paging_delivers_every_order_once_and_modified_ones_again() {
		$ids      = Ecomdir_Test_Orders::create_many( 200, array( 'same_second' => 70, 'status' => 'on-hold' ) );
		$ours     = array_flip( $ids );
		$schema   = Test_Env::schema();
		$seen     = array();
		$modified = array(); // id => seen before it was modified?
		$cursor   = array(
			'modified_after' => '1970-01-01T00:00:00Z',
			'after_id'       => 0,
		);
		$last_key = array( 0, 0 );
		$pages    = 0;
		$sleeps   = 0;
		while ( true ) {
			$this->assertLessThan( 40, ++$pages, 'paging does not end' );
			$json = $this->page( $cursor );
			if ( 1 === $pages ) {
				$this->assertSame( array(), $schema->validate( $json, '#/$defs/orders_page' ) );
			}
			foreach ( $json->orders as $o ) {
				$key = array( strtotime( $o->modified_at ), $o->id );
				$this->assertTrue( $key > $last_key, 'orders come strictly after the previous one' );
				$last_key = $key;
				if ( isset( $ours[ $o->id ] ) ) {
					$seen[ $o->id ] = ( $seen[ $o->id ] ?? 0 ) + 1;
				}
			}
			if ( 3 === $pages ) {
				// 15 already delivered (from the shared second) and 15 not delivered yet.
				$delivered = array_slice( array_keys( $seen ), -15 );
				$pending   = array_slice( array_values( array_diff( $ids, array_keys( $seen ) ) ), 60, 15 );
				foreach ( array_merge( $delivered, $pending ) as $id ) {
					Ecomdir_Test_Orders::modify( $id, array( 'touch' => true ) );
					$modified[ $id ] = isset( $seen[ $id ] );
				}
			}
			if ( $json->next_cursor ) {
				$cursor = (array) $json->next_cursor;
				continue;
			}
			// No more for now. Like the server's poller, resume from the last order received;
			// orders modified in the last seconds appear once the settle window has passed.
			if ( $json->orders ) {
				$o      = end( $json->orders );
				$cursor = array(
					'modified_after' => $o->modified_at,
					'after_id'       => $o->id,
				);
			}
			if ( $sleeps++ >= 1 ) {
				break;
			}
			sleep( 3 );
		}
		$this->assertCount( 200, $seen, 'every order delivered' );
		$this->assertCount( 30, $modified );
		foreach ( $ids as $id ) {
			$expected = ! empty( $modified[ $id ] ) ? 2 : 1;
			$this->assertSame( $expected, $seen[ $id ], "order $id delivered $expected time(s)" );
		}
		$tail = $this->page( $cursor );
		$this->assertSame( array(), $tail->orders );
		$this->assertNull( $tail->next_cursor );
	}

	public function test_a_cursor_inside_a_shared_second_continues_by_id() {
		$ids = Ecomdir_Test_Orders::create_many( 20, array( 'same_second' => 20, 'status' => 'failed' ) );
		$o   = wc_get_order( $ids[9] );
		$r   = Test_Env::client()->rest(
			'GET',
			'ecomdir/v1/orders',
			Test_Env::api_auth(),
			null,
			array(
				'status'         => 'failed',
				'modified_after' => gmdate( 'Y-m-d\TH:i:s\Z', $o->get_date_modified()->getTimestamp() ),
				'after_id'       => $ids[9],
				'limit'          => 5,
			)
		);
		$got = array_map( static function ( $x ) { return $x->id; }, $r['json']->orders );
		$this->assertSame( array_slice( $ids, 10, 5 ), $got );
		$this->assertSame( $ids[14], $r['json']->next_cursor->after_id );
	}

	public function test_recent_modifications_wait_for_the_settle_window() {
		// Modified "now" as seen by a store whose clock runs 4 s ahead: held back until it is at
		// least 2 s old. The margin keeps the first request inside the window on a busy machine.
		$modified = time() + 4;
		$id       = Ecomdir_Test_Orders::create_one( 11, 'refunded', array( 'created' => $modified, 'modified' => $modified ) );
		$auth     = Test_Env::api_auth();
		$now      = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', $auth, null, array( 'status' => 'refunded', 'limit' => 500 ) );
		$this->assertLessThan( $modified + 2, time(), 'the request ran inside the window' );
		$this->assertNotContains( $id, array_map( static function ( $x ) { return $x->id; }, $now['json']->orders ) );
		sleep( max( 0, $modified + 3 - time() ) );
		$later = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', $auth, null, array( 'status' => 'refunded', 'limit' => 500 ) );
		$this->assertContains( $id, array_map( static function ( $x ) { return $x->id; }, $later['json']->orders ) );
	}

	public function test_woocommerce_moves_the_modification_time_per_storage() {
		$id     = Ecomdir_Test_Orders::create_many( 1, array( 'status' => 'pending' ) )[0];
		$before = wc_get_order( $id )->get_date_modified()->getTimestamp();
		Ecomdir_Test_Orders::modify( $id, array( 'billing_phone' => '0799999999' ) );
		$after_meta = Test_Env::fresh_order( $id )->get_date_modified()->getTimestamp();
		if ( Test_Env::is_hpos() ) {
			$this->assertGreaterThan( $before, $after_meta, 'HPOS: every save moves the modification time' );
		} else {
			$this->assertSame( $before, $after_meta, 'legacy: a save without post-row changes keeps it' );
		}
		Ecomdir_Test_Orders::modify( $id, array( 'status' => 'processing' ) );
		$this->assertGreaterThan( $before, Test_Env::fresh_order( $id )->get_date_modified()->getTimestamp() );
	}

	/** A page is loaded in bulk (items, item meta, products primed at once): the same orders as one by one. */
	public function test_a_page_maps_orders_exactly_as_the_single_order_route() {
		$auth = Test_Env::api_auth();
		$page = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', $auth, null, array( 'limit' => 30 ) );
		$this->assertSame( 200, $page['status'] );
		$this->assertGreaterThanOrEqual( 20, count( $page['json']->orders ) );
		$items = 0;
		foreach ( $page['json']->orders as $o ) {
			$one = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders/' . $o->id, $auth );
			$this->assertEquals( $one['json'], $o, "order {$o->id}" );
			$items += count( $o->items );
		}
		$this->assertGreaterThan( count( $page['json']->orders ), $items, 'orders with several items' );
	}
}
