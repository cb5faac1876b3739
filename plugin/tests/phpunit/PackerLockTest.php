<?php
use PHPUnit\Framework\TestCase;

/** Packer assignments and the lock, via REST and via the wp-admin (order save) path. */
final class PackerLockTest extends TestCase {
	protected function setUp(): void {
		Test_Env::settings( array( 'owner_override' => false ) );
		wp_set_current_user( 0 );
	}

	protected function tearDown(): void {
		Test_Env::settings( array( 'owner_override' => false ) );
		wp_set_current_user( 0 );
	}

	private function assign( $id, $packer, $confirmed, $override = false ) {
		return Test_Env::client()->rest(
			'POST',
			"ecomdir/v1/orders/$id/packer",
			Test_Env::api_auth(),
			array(
				'packer_id'    => $packer,
				'packer_name'  => "Packer $packer",
				'assigned_at'  => '2024-05-01T08:00:00Z',
				'confirmed_at' => $confirmed ? '2024-05-01T08:05:00+03:00' : null,
				'override'     => $override,
			)
		);
	}

	private function locked_order() {
		$id = Ecomdir_Test_Orders::create_one( 5 );
		$this->assertSame( 200, $this->assign( $id, 'p1', false )['status'] );
		$this->assertSame( 200, $this->assign( $id, 'p2', false )['status'], 'unconfirmed assignments may change' );
		$r = $this->assign( $id, 'p2', true );
		$this->assertSame( 200, $r['status'] );
		$this->assertTrue( $r['json']->packer->locked );
		$this->assertSame( '2024-05-01T05:05:00Z', $r['json']->packer->confirmed_at, 'stored in UTC' );
		return $id;
	}

	public function test_assignment_is_stored_as_order_meta_with_a_note() {
		$id    = $this->locked_order();
		$order = Test_Env::fresh_order( $id );
		$this->assertSame( 'p2', $order->get_meta( '_ecomdir_packer_id', true ) );
		$notes = implode( "\n", wp_list_pluck( wc_get_order_notes( array( 'order_id' => $id ) ), 'content' ) );
		$this->assertStringContainsString( 'Packer p2 confirmed this order', $notes );
		$count = count( wc_get_order_notes( array( 'order_id' => $id ) ) );
		$this->assertSame( 200, $this->assign( $id, 'p2', true )['status'], 'same assignment again is fine' );
		$this->assertCount( $count, wc_get_order_notes( array( 'order_id' => $id ) ), 'and adds no note' );
	}

	public function test_rest_refuses_another_packer_without_the_override() {
		$id = $this->locked_order();
		foreach ( array( array( 'p3', true, false ), array( 'p3', true, true ), array( 'p2', false, false ) ) as list( $packer, $confirmed, $override ) ) {
			$r = $this->assign( $id, $packer, $confirmed, $override );
			$this->assertSame( 409, $r['status'], "$packer override=" . var_export( $override, true ) );
			$this->assertSame( 'ecomdir_packer_locked', $r['json']->code );
		}
		Test_Env::settings( array( 'owner_override' => true ) );
		$this->assertSame( 409, $this->assign( $id, 'p3', true, false )['status'], 'setting on, request without override' );
		$r = $this->assign( $id, 'p3', true, true );
		$this->assertSame( 200, $r['status'], $r['body'] );
		$this->assertSame( 'p3', $r['json']->packer->id );
	}

	public function test_wp_admin_order_save_cannot_change_a_locked_packer() {
		$id = $this->locked_order();
		wp_set_current_user( Test_Env::admin_id() );
		$order = Test_Env::fresh_order( $id );
		$order->update_meta_data( '_ecomdir_packer_id', 'intruder' );
		$order->update_meta_data( '_ecomdir_packer_name', 'Intruder' );
		$order->save();
		$this->assertSame( 'p2', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_id', true ) );
		$notes = implode( "\n", wp_list_pluck( wc_get_order_notes( array( 'order_id' => $id ) ), 'content' ) );
		$this->assertStringContainsString( 'was refused', $notes );

		$order = Test_Env::fresh_order( $id );
		$order->delete_meta_data( '_ecomdir_packer_confirmed_at' );
		$order->save();
		$this->assertNotSame( '', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_confirmed_at', true ), 'the confirmation cannot be dropped' );

		if ( ! Test_Env::is_hpos() ) {
			$this->assertFalse( update_post_meta( $id, '_ecomdir_packer_id', 'intruder' ) );
			$this->assertFalse( delete_post_meta( $id, '_ecomdir_packer_confirmed_at' ) );
			wp_cache_flush();
			$this->assertSame( 'p2', get_post_meta( $id, '_ecomdir_packer_id', true ) );
		}
	}

	public function test_wp_admin_owner_may_override_when_the_setting_is_on() {
		$id = $this->locked_order();
		Test_Env::settings( array( 'owner_override' => true ) );
		wp_set_current_user( Test_Env::admin_id() );
		$order = Test_Env::fresh_order( $id );
		$order->update_meta_data( '_ecomdir_packer_id', 'p9' );
		$order->save();
		$this->assertSame( 'p9', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_id', true ) );
		wp_set_current_user( 0 );
		$order = Test_Env::fresh_order( $id );
		$order->update_meta_data( '_ecomdir_packer_id', 'p10' );
		$order->save();
		$this->assertSame( 'p9', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_id', true ), 'not without an owner' );
	}

	private static function meta_id( WC_Order $order, $key ) {
		foreach ( $order->get_meta_data() as $meta ) {
			if ( $key === $meta->key ) {
				return (int) $meta->id;
			}
		}
		return 0;
	}

	/**
	 * WooCommerce writes an existing meta row by its id (update_meta_data( key, value, meta_id ),
	 * then the data store's update_metadata_by_mid() under legacy storage): the path of wp-admin's
	 * Custom Fields box on the order screen and of plugins that edit meta rows.
	 */
	public function test_meta_written_by_meta_id_cannot_break_the_lock() {
		$id = $this->locked_order();
		wp_set_current_user( Test_Env::admin_id() );
		$order = Test_Env::fresh_order( $id );
		$mid   = self::meta_id( $order, '_ecomdir_packer_id' );
		$this->assertGreaterThan( 0, $mid );
		$order->update_meta_data( '_ecomdir_packer_id', 'intruder', $mid );
		$order->save();
		$this->assertSame( 'p2', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_id', true ) );

		// wp-admin's Custom Fields box itself (WooCommerce's, used on both order screens) on submit.
		$order = Test_Env::fresh_order( $id );
		$box   = wc_get_container()->get( Automattic\WooCommerce\Internal\Admin\Orders\MetaBoxes\CustomMetaBox::class );
		$_POST['meta'] = array(
			self::meta_id( $order, '_ecomdir_packer_id' ) => array(
				'key'   => '_ecomdir_packer_id',
				'value' => 'intruder',
			),
		);
		try {
			$box->handle_metadata_changes( $order );
		} finally {
			unset( $_POST['meta'] );
		}
		$this->assertSame( 'p2', Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_id', true ), 'Custom Fields box' );

		if ( ! Test_Env::is_hpos() ) {
			// The meta row by id, as WooCommerce's posts data store writes it.
			$mid = (int) $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( "SELECT meta_id FROM {$GLOBALS['wpdb']->postmeta} WHERE post_id = %d AND meta_key = '_ecomdir_packer_id'", $id ) );
			$this->assertFalse( update_metadata_by_mid( 'post', $mid, 'intruder' ) );
			$this->assertFalse( delete_metadata_by_mid( 'post', $mid ) );
			$conf = (int) $GLOBALS['wpdb']->get_var( $GLOBALS['wpdb']->prepare( "SELECT meta_id FROM {$GLOBALS['wpdb']->postmeta} WHERE post_id = %d AND meta_key = '_ecomdir_packer_confirmed_at'", $id ) );
			$this->assertFalse( update_metadata_by_mid( 'post', $conf, '' ) );
			$this->assertFalse( update_metadata_by_mid( 'post', $conf, 'x', '_renamed' ), 'renaming the key away' );
			wp_cache_flush();
			$this->assertSame( 'p2', get_post_meta( $id, '_ecomdir_packer_id', true ) );
		}
		$this->assertTrue( Test_Env::fresh_order( $id )->get_meta( '_ecomdir_packer_confirmed_at', true ) !== '' );
	}
}
