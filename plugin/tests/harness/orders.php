<?php
/**
 * Test orders on a harness site, made through WooCommerce's own API (lib/class-test-orders.php).
 * Prints JSON.
 *
 *   php orders.php <dir> create <N> [--same-second=K] [--step=SECONDS] [--status=processing]
^ *       creates N realistic Romanian orders, modified in the past; K of them share one second
 *   php orders.php <dir> create-one
 *       one order through WC_Order::save() (modified now)
 *   php orders.php <dir> modify <id,id,...> [--status=S] [--touch] [--billing-phone=P]
 *       changes orders through WC_Order::save() (see Ecomdir_Test_Orders::modify)
 *   php orders.php <dir> products
 *       makes sure the shop's five test products exist (before creating orders in parallel)
 *   php orders.php <dir> get <id>
 *       the order as the plugin's REST API would return it
 */

require __DIR__ . '/lib/load-wordpress.php';
require __DIR__ . '/lib/class-test-orders.php';

$args = array_slice( $argv, 1 );
$opts = array();
foreach ( $args as $i => $a ) {
	if ( preg_match( '/^--([a-z-]+)(?:=(.*))?$/', $a, $m ) ) {
		$opts[ $m[1] ] = $m[2] ?? true;
		unset( $args[ $i ] );
	}
}
list( $dir, $command, $arg ) = array_values( $args ) + array( '', '', '' );
if ( '' === $dir || '' === $command ) {
	fwrite( STDERR, "usage: orders.php <dir> create|create-one|modify|get ...\n" );
	exit( 2 );
}
ecomdir_test_load_wordpress( $dir );

switch ( $command ) {
	case 'create':
		$ids = Ecomdir_Test_Orders::create_many(
			(int) $arg,
			array_filter(
				array(
					'same_second' => isset( $opts['same-second'] ) ? (int) $opts['same-second'] : null,
					'step'        => isset( $opts['step'] ) ? (int) $opts['step'] : null,
					'status'      => $opts['status'] ?? null,
				),
				'is_scalar'
			)
		);
		echo wp_json_encode( array( 'ids' => $ids ) ) . "\n";
		break;
	case 'create-one':
		echo wp_json_encode( array( 'ids' => array( Ecomdir_Test_Orders::create_one( wp_rand( 0, 999 ) ) ) ) ) . "\n";
		break;
	case 'modify':
		$change = array();
		if ( isset( $opts['status'] ) ) {
			$change['status'] = $opts['status'];
		}
		if ( isset( $opts['touch'] ) ) {
			$change['touch'] = true;
		}
		if ( isset( $opts['billing-phone'] ) ) {
			$change['billing_phone'] = $opts['billing-phone'];
		}
		$ids = array_map( 'intval', explode( ',', $arg ) );
		foreach ( $ids as $id ) {
			Ecomdir_Test_Orders::modify( $id, $change );
		}
		echo wp_json_encode( array( 'ids' => $ids ) ) . "\n";
		break;
	case 'products':
		echo wp_json_encode( array( 'ids' => array_map( static function ( $p ) { return $p->get_id(); }, Ecomdir_Test_Orders::products() ) ) ) . "\n";
		break;
	case 'get':
		$order = wc_get_order( (int) $arg );
		echo wp_json_encode( $order ? Ecomdir_Connect_Order_Mapper::to_unified( $order ) : null, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES ) . "\n";
		break;
	default:
		fwrite( STDERR, "unknown command $command\n" );
		exit( 2 );
}
