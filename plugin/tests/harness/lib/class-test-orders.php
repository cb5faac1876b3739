<?php
/**
 * Realistic Romanian test orders on a harness site, made through WooCommerce's own API
 * (wc_create_order, WC_Order setters, save) so that both storages and the compatibility sync
 * write them exactly as a shop would. Used by harness/orders.php, the PHPUnit suites and the bench.
 */
final class Ecomdir_Test_Orders {
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
		array( 'Tricou bumbac organic', 'TRC-ORG', '59.90', '0.2' ),
		array( 'Cană ceramică pictată', 'CANA-01', '34.50', '0.45' ),
		array( 'Miere de salcâm 500 g', 'MIERE-500', '42.00', '0.6' ),
		array( 'Săpun natural cu lavandă', 'SAP-LAV', '18.75', '0.1' ),
		array( 'Șosete lână (pereche)', 'SOS-LANA', '25.00', '0.08' ),
	);

	/** @var WC_Product[]|null */
	private static $products = null;

	/** The shop's five products (simple, with SKU, price and weight), created on first use. */
	public static function products() {
		if ( null === self::$products ) {
			self::$products = array();
			foreach ( self::PRODUCTS as $p ) {
				$id = wc_get_product_id_by_sku( $p[1] );
				if ( ! $id ) {
					$product = new WC_Product_Simple();
					$product->set_name( $p[0] );
					$product->set_sku( $p[1] );
					$product->set_regular_price( $p[2] );
					$product->set_weight( $p[3] );
					$product->set_status( 'publish' );
					$id = $product->save();
				}
				self::$products[] = wc_get_product( $id );
			}
		}
		return self::$products;
	}

	/**
	 * One order through wc_create_order(); $n makes the data vary deterministically. $dates:
	 * UNIX times 'created' and 'modified' to store instead of now (both set before the first
	 * save, which WooCommerce keeps in both storages).
	 */
	public static function create_one( $n = 0, $status = 'processing', array $dates = array() ) {
		$products = self::products();
		$first    = self::FIRST_NAMES[ $n % 10 ];
		$last     = self::LAST_NAMES[ intdiv( $n, 10 ) % 10 ];
		$city     = self::CITIES[ $n % count( self::CITIES ) ];
		$address  = array(
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
		$order = new WC_Order();
		$order->set_created_via( 'ecomdir-tests' );
		$order->set_currency( 'RON' );
		$order->set_address( $address + array( 'email' => strtolower( self::ascii( $first . '.' . $last ) ) . $n . '@example.ro' ), 'billing' );
		$order->set_address( $address, 'shipping' );
		$subtotal = 0.0;
		for ( $i = 0; $i < 1 + $n % 3; $i++ ) {
			$item = new WC_Order_Item_Product();
			$item->set_product( $products[ ( $n + $i ) % count( $products ) ] );
			$qty = 1 + ( $n + $i ) % 2;
			$item->set_quantity( $qty );
			$line = (float) $products[ ( $n + $i ) % count( $products ) ]->get_price() * $qty;
			$item->set_subtotal( $line );
			$item->set_total( $line );
			$subtotal += $line;
			if ( 0 === $i ) {
				$item->add_meta_data( 'Mărime', 'M', true );
			}
			$order->add_item( $item );
		}
		$ship = new WC_Order_Item_Shipping();
		$ship->set_method_title( 'FAN Courier' );
		$ship->set_method_id( 'flat_rate' );
		$ship->set_total( '15.00' );
		$order->add_item( $ship );
		$cod = 0 === $n % 2;
		$order->set_payment_method( $cod ? 'cod' : 'stripe' );
		$order->set_payment_method_title( $cod ? 'Plată la livrare (ramburs)' : 'Card bancar' );
		$order->set_customer_note( 0 === $n % 5 ? 'Vă rog sunați înainte de livrare.' : '' );
		// Totals set, not calculated: calculate_totals() saves the order once more. No taxes here.
		$order->set_shipping_total( '15.00' );
		$order->set_discount_total( '0' );
		$order->set_cart_tax( '0' );
		$order->set_shipping_tax( '0' );
		$order->set_total( number_format( $subtotal + 15, 2, '.', '' ) );
		// The status is stored as it is, with no "pending -> processing" transition: a seeded
		// order, not a checkout (no stock reduction, e-mails or notes; each would save it again).
		$order->set_object_read( false );
		$order->set_status( $status );
		$order->set_object_read( true );
		if ( isset( $dates['created'] ) ) {
			$order->set_date_created( $dates['created'] );
		}
		if ( isset( $dates['modified'] ) ) {
			$order->set_date_modified( $dates['modified'] );
		}
		if ( in_array( $status, array( 'processing', 'completed' ), true ) ) {
			$order->set_date_paid( $dates['created'] ?? time() );
		}
		return $order->save();
	}

	/**
	 * $count orders, modified in the past. Options: 'start' (UNIX time of the first
	 * modification, default now - count * step - 1 h), 'step' (seconds between orders, default
	 * 60), 'same_second' (how many of them, from the middle on, share one modification second),
	 * 'status'. @return int[] ids in creation order
	 */
	public static function create_many( $count, array $opts = array() ) {
		$step   = (int) ( $opts['step'] ?? 60 );
		$start  = (int) ( $opts['start'] ?? ( time() - $count * $step - 3600 ) );
		$same   = (int) ( $opts['same_second'] ?? 0 );
		$status = $opts['status'] ?? 'processing';
		$from   = intdiv( $count - $same, 2 );
		$ids    = array();
		global $wpdb;
		wp_defer_term_counting( true );
		for ( $n = 0; $n < $count; $n++ ) {
			if ( 0 === $n % 50 ) {
				// One commit per 50 orders instead of one per query: a test database, not a shop.
				$wpdb->query( 0 === $n ? 'START TRANSACTION' : 'COMMIT' );
				$n > 0 && $wpdb->query( 'START TRANSACTION' );
			}
			$ts    = ( $n >= $from && $n < $from + $same ) ? $start + $from * $step : $start + $n * $step;
			$ids[] = self::create_one(
				$n,
				$status,
				array(
					'created'  => $ts,
					'modified' => $ts,
				)
			);
			if ( 0 === $n % 200 ) {
				// Long loops in one process: WordPress's object cache would keep every order.
				wp_cache_flush();
			}
		}
		$wpdb->query( 'COMMIT' );
		wp_defer_term_counting( false );
		return $ids;
	}

	/**
	 * Changes an order the way a shop does, through WC_Order::save(): 'status' => slug (moves the
	 * modification time in both storages); 'touch' => true sets it to now explicitly;
	 * 'billing_phone' => value changes an address field (moves it only under HPOS: the posts
	 * data store updates the post row only for status, dates, parent or excerpt changes).
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
