<?php
/**
 * TEST STAND-IN helper (not WooCommerce): realistic Romanian orders in bulk, and modifications,
 * for the plugin tests and the server's end-to-end tests (see plugin/tests/harness/orders.php).
 */

defined( 'ABSPATH' ) || exit;

final class Standin_Orders_Factory {
	const FIRST_NAMES = array( 'Andrei', 'Maria', 'Ioana', 'Mihai', 'Elena', 'Alexandru', 'Ana', 'Ștefan', 'Cristina', 'Gheorghe' );
	const LAST_NAMES  = array( 'Popescu', 'Ionescu', 'Popa', 'Dumitru', 'Stan', 'Stoica', 'Gheorghe', 'Rusu', 'Munteanu', 'Constantinescu' );
	const CITIES      = array(
		array( 'București', 'B', '010011' ),
		array( 'Cluj-Napoca', 'CJ', '400001' ),
		array( 'Iași', 'IS', '700028' ),
		array( 'Timișoara', 'TM', '300006' ),
		array( 'Constanța', 'CT', '900001' ),
		array( 'Brașov', 'BV', '500015' ),
	);
	const PRODUCTS    = array(
		array( 101, 'Tricou bumbac organic', 'TRC-ORG', '59.90', '0.2' ),
		array( 102, 'Cană ceramică pictată', 'CANA-01', '34.50', '0.45' ),
		array( 103, 'Miere de salcâm 500 g', 'MIERE-500', '42.00', '0.6' ),
		array( 104, 'Săpun natural cu lavandă', 'SAP-LAV', '18.75', '0.1' ),
		array( 105, 'Șosete lână (pereche)', 'SOS-LANA', '25.00', '0.08' ),
	);

	/** One order as the stores persist it; $n makes the data vary deterministically. */
	public static function record( $n, $created, $modified, $status = 'processing' ) {
		$first   = self::FIRST_NAMES[ $n % 10 ];
		$last    = self::LAST_NAMES[ intdiv( $n, 10 ) % 10 ];
		$city    = self::CITIES[ $n % count( self::CITIES ) ];
		$address = array(
			'first_name' => $first,
			'last_name'  => $last,
			'company'    => 0 === $n % 7 ? 'SC Exemplu SRL' : '',
			'address_1'  => 'Str. Mihai Eminescu nr. ' . ( 1 + $n % 120 ),
			'address_2'  => 0 === $n % 3 ? 'Bl. A2, ap. ' . ( 1 + $n % 40 ) : '',
			'city'       => $city[0],
			'state'      => $city[1],
			'postcode'   => $city[2],
			'country'    => 'RO',
			'phone'      => sprintf( '07%08d', ( $n * 7919 ) % 100000000 ),
		);
		$items    = array();
		$subtotal = 0.0;
		for ( $i = 0; $i < 1 + $n % 3; $i++ ) {
			$p        = self::PRODUCTS[ ( $n + $i ) % count( self::PRODUCTS ) ];
			$qty      = 1 + ( $n + $i ) % 2;
			$line     = round( (float) $p[3] * $qty, 2 );
			$subtotal += $line;
			$items[]  = array(
				'type'         => 'line_item',
				'id'           => $i + 1,
				'name'         => $p[1],
				'product_id'   => $p[0],
				'variation_id' => 0,
				'sku'          => $p[2],
				'weight'       => $p[4],
				'quantity'     => $qty,
				'subtotal'     => number_format( $line, 2, '.', '' ),
				'total'        => number_format( $line, 2, '.', '' ),
				'meta'         => 0 === $i ? array( array( 'key' => 'Mărime', 'value' => 'M' ) ) : array(),
			);
		}
		$cod     = 0 === $n % 2;
		$items[] = array(
			'type'      => 'shipping',
			'id'        => 100,
			'name'      => 'FAN Courier',
			'method_id' => 'flat_rate',
			'total'     => '15.00',
		);
		return array(
			'props' => array(
				'status'               => $status,
				'currency'             => 'RON',
				'parent_id'            => 0,
				'customer_id'          => 0,
				'date_created'         => $created,
				'date_modified'        => $modified,
				'date_paid'            => in_array( $status, array( 'processing', 'completed' ), true ) ? $created : null,
				'total'                => number_format( $subtotal + 15, 2, '.', '' ),
				'shipping_total'       => '15.00',
				'discount_total'       => '0.00',
				'cart_tax'             => '0',
				'shipping_tax'         => '0',
				'payment_method'       => $cod ? 'cod' : 'stripe',
				'payment_method_title' => $cod ? 'Plată la livrare (ramburs)' : 'Card bancar',
				'customer_note'        => 0 === $n % 5 ? 'Vă rog sunați înainte de livrare.' : '',
				'billing'              => $address + array( 'email' => strtolower( self::ascii( $first . '.' . $last ) ) . $n . '@example.ro' ),
				'shipping'             => $address,
			),
			'items' => $items,
			'meta'  => array(),
		);
	}

	/**
	 * Inserts $count orders in bulk. Options: 'start' (UNIX time of the first modification,
	 * default now - count minutes), 'step' (seconds between orders, default 60), 'same_second'
	 * (how many of them, from the middle on, share one modification second), 'status'.
	 * @return int[] ids in insertion order
	 */
	public static function create_many( $count, array $opts = array() ) {
		$step    = (int) ( $opts['step'] ?? 60 );
		$start   = (int) ( $opts['start'] ?? ( time() - $count * $step - 3600 ) );
		$same    = (int) ( $opts['same_second'] ?? 0 );
		$status  = $opts['status'] ?? 'processing';
		$from    = intdiv( $count - $same, 2 );
		$records = array();
		for ( $n = 0; $n < $count; $n++ ) {
			$ts        = ( $n >= $from && $n < $from + $same ) ? $start + $from * $step : $start + $n * $step;
			$records[] = self::record( $n, $ts, $ts, $status );
		}
		return Standin_Order_Stores::current()->insert_many( $records );
	}

	/** Creates one order through WC_Order::save(), the slow but complete path. */
	public static function create_one( $n = 0, $status = 'processing' ) {
		$r     = self::record( $n, time(), null, $status );
		$order = new WC_Order();
		foreach ( $r['props'] as $prop => $value ) {
			$order->set_prop( $prop, $value );
		}
		$order->standin_set_items( $r['items'] );
		return $order->save();
	}

	/**
	 * Changes an order the way a shop would, through WC_Order::save(): 'status' => slug changes
	 * the status (moves the modification time in both modes); 'touch' => true sets the
	 * modification time to now explicitly; 'billing_phone' => value changes a non-row prop
	 * (moves it only under HPOS).
	 */
	public static function modify( $id, array $change ) {
		$order = wc_get_order( $id );
		if ( ! $order ) {
			return false;
		}
		if ( isset( $change['status'] ) ) {
			$order->set_status( $change['status'] );
		}
		if ( ! empty( $change['touch'] ) ) {
			$order->set_date_modified( time() );
		}
		if ( isset( $change['billing_phone'] ) ) {
			$order->set_billing_phone( $change['billing_phone'] );
		}
		return $order->save();
	}

	private static function ascii( $s ) {
		return strtr( $s, array( 'ș' => 's', 'Ș' => 'S', 'ț' => 't', 'ă' => 'a', 'â' => 'a', 'î' => 'i' ) );
	}
}
