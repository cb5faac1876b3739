<?php
/**
 * Packer assignments from ecomdir, stored as order meta through the order object (HPOS-safe),
 * and the packer lock rule.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Packer {
	const META = array(
		'id'           => '_ecomdir_packer_id',
		'name'         => '_ecomdir_packer_name',
		'assigned_at'  => '_ecomdir_packer_assigned_at',
		'confirmed_at' => '_ecomdir_packer_confirmed_at',
	);

	/** @return array{id:string,name:string,assigned_at:string,confirmed_at:?string,locked:bool}|null */
	public static function read( WC_Order $order ) {
		$id = (string) $order->get_meta( self::META['id'], true );
		if ( '' === $id ) {
			return null;
		}
		$confirmed = (string) $order->get_meta( self::META['confirmed_at'], true );
		return array(
			'id'           => $id,
			'name'         => (string) $order->get_meta( self::META['name'], true ),
			'assigned_at'  => (string) $order->get_meta( self::META['assigned_at'], true ),
			'confirmed_at' => '' === $confirmed ? null : $confirmed,
			'locked'       => '' !== $confirmed,
		);
	}

	/**
	 * The lock: once an assignment is confirmed, only the same packer, still confirmed, may be
	 * written without an override. Changing the packer or dropping the confirmation needs one.
	 */
	public static function change_needs_override( $stored, $next ) {
		if ( ! $stored || ! $stored['locked'] ) {
			return false;
		}
		return ! $next || (string) $next['id'] !== $stored['id'] || empty( $next['confirmed_at'] );
	}

	/**
	 * Stores an assignment coming from ecomdir. $input holds packer_id, packer_name,
	 * assigned_at and confirmed_at (ISO UTC or null), override (bool).
	 *
	 * @return WC_Order|WP_Error
	 */
	public static function assign( WC_Order $order, array $input ) {
		$stored = self::read( $order );
		$next   = array(
			'id'           => (string) $input['packer_id'],
			'name'         => (string) $input['packer_name'],
			'assigned_at'  => (string) $input['assigned_at'],
			'confirmed_at' => $input['confirmed_at'] ? (string) $input['confirmed_at'] : null,
		);
		$next['locked'] = null !== $next['confirmed_at'];
		$override       = ! empty( $input['override'] ) && Ecomdir_Connect_Settings::get( 'owner_override' );
		if ( self::change_needs_override( $stored, $next ) && ! $override ) {
			return new WP_Error(
				'ecomdir_packer_locked',
				/* translators: %s: packer name */
				sprintf( __( 'This order is locked: packer %s already confirmed it.', 'ecomdir-connect' ), $stored['name'] ),
				array(
					'status' => 409,
					'packer' => $stored,
				)
			);
		}
		if ( $stored === $next ) {
			return $order; // Same assignment again: nothing to write, no duplicate note.
		}
		Ecomdir_Connect_Packer_Lock_Guard::authorized(
			static function () use ( $order, $next ) {
				foreach ( self::META as $field => $key ) {
					if ( null === $next[ $field ] ) {
						$order->delete_meta_data( $key );
					} else {
						$order->update_meta_data( $key, $next[ $field ] );
					}
				}
				$order->save();
			}
		);
		$order->add_order_note( self::note( $stored, $next, $override ) );
		return $order;
	}

	private static function note( $stored, array $next, $override ) {
		if ( $override && $stored && $stored['id'] !== $next['id'] ) {
			/* translators: 1: previous packer, 2: new packer */
			return sprintf( __( 'ecomdir: packer changed from %1$s to %2$s by owner override.', 'ecomdir-connect' ), $stored['name'], $next['name'] );
		}
		if ( $next['locked'] ) {
			/* translators: %s: packer name */
			return sprintf( __( 'ecomdir: packer %s confirmed this order; the assignment is locked.', 'ecomdir-connect' ), $next['name'] );
		}
		/* translators: %s: packer name */
		return sprintf( __( 'ecomdir: order assigned to packer %s.', 'ecomdir-connect' ), $next['name'] );
	}
}
