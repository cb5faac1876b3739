<?php
/**
 * Shipments from ecomdir: AWB and tracking link on the order, a note for the customer and,
 * when the setting is on, the order marked completed.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Shipment {
	const META = array(
		'courier'      => '_ecomdir_courier',
		'awb'          => '_ecomdir_awb',
		'tracking_url' => '_ecomdir_tracking_url',
		'label_url'    => '_ecomdir_label_url',
		'shipped_at'   => '_ecomdir_shipped_at',
	);

	/** @return array{courier:string,awb:string,tracking_url:string,label_url:?string,shipped_at:string}|null */
	public static function read( WC_Order $order ) {
		$awb = (string) $order->get_meta( self::META['awb'], true );
		if ( '' === $awb ) {
			return null;
		}
		$label = (string) $order->get_meta( self::META['label_url'], true );
		return array(
			'courier'      => (string) $order->get_meta( self::META['courier'], true ),
			'awb'          => $awb,
			'tracking_url' => (string) $order->get_meta( self::META['tracking_url'], true ),
			'label_url'    => '' === $label ? null : $label,
			'shipped_at'   => (string) $order->get_meta( self::META['shipped_at'], true ),
		);
	}

	/**
	 * Records a shipment; the same AWB and link again change nothing (no duplicate customer note).
	 * @param array $input courier, awb, tracking_url, label_url (optional)
	 */
	public static function record( WC_Order $order, array $input ) {
		$stored = self::read( $order );
		if ( $stored && $stored['awb'] === $input['awb'] && $stored['tracking_url'] === $input['tracking_url'] && $stored['courier'] === $input['courier'] ) {
			return $order;
		}
		$order->update_meta_data( self::META['courier'], $input['courier'] );
		$order->update_meta_data( self::META['awb'], $input['awb'] );
		$order->update_meta_data( self::META['tracking_url'], $input['tracking_url'] );
		$order->update_meta_data( self::META['shipped_at'], Ecomdir_Connect_Dates::to_iso( time() ) );
		if ( empty( $input['label_url'] ) ) {
			$order->delete_meta_data( self::META['label_url'] );
		} else {
			$order->update_meta_data( self::META['label_url'], $input['label_url'] );
		}
		if ( Ecomdir_Connect_Settings::get( 'complete_on_shipment' ) && ! $order->has_status( 'completed' ) ) {
			$order->set_status( 'completed', __( 'ecomdir: shipment created.', 'ecomdir-connect' ) );
		}
		$order->save();
		$order->add_order_note(
			/* translators: 1: courier name, 2: AWB number, 3: tracking link */
			sprintf( __( 'Your order has been shipped with %1$s. AWB: %2$s. Track it here: %3$s', 'ecomdir-connect' ), $input['courier'], $input['awb'], $input['tracking_url'] ),
			1
		);
		return $order;
	}
}
