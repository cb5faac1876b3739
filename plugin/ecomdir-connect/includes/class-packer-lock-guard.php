<?php
/**
 * Holds the packer lock on every write path, not only the REST route: saves of the order
 * object (wp-admin screens, other plugins, HPOS and legacy) and, for legacy storage, direct
 * post meta writes. Writes that went through Ecomdir_Connect_Packer::assign() are authorized.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Packer_Lock_Guard {
	/** @var bool */
	private static $authorized = false;

	public static function register() {
		add_action( 'woocommerce_before_order_object_save', array( __CLASS__, 'before_order_save' ), 1 );
		add_filter( 'update_post_metadata', array( __CLASS__, 'filter_post_meta_write' ), 10, 4 );
		add_filter( 'add_post_metadata', array( __CLASS__, 'filter_post_meta_write' ), 10, 4 );
		add_filter( 'delete_post_metadata', array( __CLASS__, 'filter_post_meta_delete' ), 10, 3 );
	}

	/** Runs $write with the guard open; only the packer service calls this, after its own check. */
	public static function authorized( callable $write ) {
		self::$authorized = true;
		try {
			$write();
		} finally {
			self::$authorized = false;
		}
	}

	/** In wp-admin an owner may override when the owner-override setting is on. */
	private static function may_override() {
		return self::$authorized || ( Ecomdir_Connect_Settings::get( 'owner_override' ) && current_user_can( 'manage_woocommerce' ) );
	}

	/** Puts the stored assignment back on an order whose save would break the lock. */
	public static function before_order_save( $order ) {
		if ( self::may_override() || ! $order instanceof WC_Order || ! $order->get_id() ) {
			return;
		}
		$stored_order = wc_get_order( $order->get_id() );
		$stored       = $stored_order ? Ecomdir_Connect_Packer::read( $stored_order ) : null;
		if ( ! Ecomdir_Connect_Packer::change_needs_override( $stored, Ecomdir_Connect_Packer::read( $order ) ) ) {
			return;
		}
		foreach ( Ecomdir_Connect_Packer::META as $field => $key ) {
			$order->update_meta_data( $key, (string) $stored_order->get_meta( $key, true ) );
		}
		/* translators: %s: packer name */
		$order->add_order_note( sprintf( __( 'ecomdir: a change of packer was refused because packer %s confirmed this order (packer lock).', 'ecomdir-connect' ), $stored['name'] ) );
	}

	/** Legacy storage: refuse post meta writes that would change a locked packer. */
	public static function filter_post_meta_write( $check, $post_id, $meta_key, $meta_value ) {
		if ( null !== $check || ! in_array( $meta_key, array( Ecomdir_Connect_Packer::META['id'], Ecomdir_Connect_Packer::META['confirmed_at'] ), true ) ) {
			return $check;
		}
		$stored = self::stored_from_post_meta( $post_id );
		if ( ! $stored || self::may_override() ) {
			return $check;
		}
		$next = $stored;
		if ( Ecomdir_Connect_Packer::META['id'] === $meta_key ) {
			$next['id'] = (string) $meta_value;
		} else {
			$next['confirmed_at'] = '' === (string) $meta_value ? null : (string) $meta_value;
		}
		return Ecomdir_Connect_Packer::change_needs_override( $stored, $next ) ? false : $check;
	}

	public static function filter_post_meta_delete( $check, $post_id, $meta_key ) {
		if ( null !== $check || ! in_array( $meta_key, array( Ecomdir_Connect_Packer::META['id'], Ecomdir_Connect_Packer::META['confirmed_at'] ), true ) ) {
			return $check;
		}
		$stored = self::stored_from_post_meta( $post_id );
		return $stored && $stored['locked'] && ! self::may_override() ? false : $check;
	}

	private static function stored_from_post_meta( $post_id ) {
		if ( 'shop_order' !== get_post_type( $post_id ) ) {
			return null;
		}
		$id = (string) get_post_meta( $post_id, Ecomdir_Connect_Packer::META['id'], true );
		if ( '' === $id ) {
			return null;
		}
		$confirmed = (string) get_post_meta( $post_id, Ecomdir_Connect_Packer::META['confirmed_at'], true );
		return array(
			'id'           => $id,
			'confirmed_at' => '' === $confirmed ? null : $confirmed,
			'locked'       => '' !== $confirmed,
		);
	}
}
