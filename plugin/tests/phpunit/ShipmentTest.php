<?php
use PHPUnit\Framework\TestCase;

final class ShipmentTest extends TestCase {
	protected function tearDown(): void {
		Test_Env::settings( array( 'complete_on_shipment' => false ) );
	}

	private function ship( $id, $awb ) {
		return Test_Env::client()->rest(
			'POST',
			"ecomdir/v1/orders/$id/shipment",
			Test_Env::api_auth(),
			array(
				'courier'      => 'Sameday',
				'awb'          => $awb,
				'tracking_url' => "https://sameday.ro/#awb=$awb",
				'label_url'    => null,
			)
		);
	}

	public function test_shipment_meta_and_customer_note_without_completing() {
		$id = Ecomdir_Test_Orders::create_one( 2 );
		$r  = $this->ship( $id, '1ONB12345' );
		$this->assertSame( 200, $r['status'], $r['body'] );
		$this->assertSame( '1ONB12345', $r['json']->shipment->awb );
		$this->assertSame( 'processing', $r['json']->status );
		$order = Test_Env::fresh_order( $id );
		$this->assertSame( 'https://sameday.ro/#awb=1ONB12345', $order->get_meta( '_ecomdir_tracking_url', true ) );
		$customer = array_values( array_filter( wc_get_order_notes( array( 'order_id' => $id ) ), static function ( $n ) { return $n->customer_note; } ) );
		$this->assertCount( 1, $customer );
		$this->assertStringContainsString( '1ONB12345', $customer[0]->content );
		$this->assertSame( 200, $this->ship( $id, '1ONB12345' )['status'] );
		$this->assertCount( 1, array_filter( wc_get_order_notes( array( 'order_id' => $id ) ), static function ( $n ) { return $n->customer_note; } ), 'idempotent' );
	}

	public function test_completed_when_the_setting_is_on() {
		Test_Env::settings( array( 'complete_on_shipment' => true ) );
		$id = Ecomdir_Test_Orders::create_one( 4 );
		$r  = $this->ship( $id, '2100000099' );
		$this->assertSame( 'completed', $r['json']->status );
		$this->assertSame( 'completed', Test_Env::fresh_order( $id )->get_status() );
	}
}
