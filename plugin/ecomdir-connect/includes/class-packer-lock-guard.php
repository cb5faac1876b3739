<?php
/**
 * Holds the packer lock on every write path, not only the REST route: saves of the order
 * object (wp-admin screens, wp-admin's Custom Fields box, other plugins, HPOS and legacy) and,
 * for legacy storage, post meta writes by key AND by meta id (WooCommerce's own data store
 * writes an existing meta row by its id, update_metadata_by_mid(), which the by-key filters
 * never see). Writes that went through Ecomdir_Connect_Packer::assign() are authorized.
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
		add_filter( 'update_post_metadata_by_mid', array( __CLASS__, 'filter_post_meta_write_by_mid' ), 10, 4 );
		add_filter( 'delete_post_metadata_by_mid', array( __CLASS__, 'filter_post_meta_delete_by_mid' ), 10, 2 );
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
		// What the database holds now, read past every cache: wc_get_order() can hand back a copy
		// of this very object (WooCommerce's order cache), whose meta objects it shares.
		$stored_meta = self::stored_meta( $order );
		$stored      = self::packer_from( $stored_meta );
		if ( ! Ecomdir_Connect_Packer::change_needs_override( $stored, Ecomdir_Connect_Packer::read( $order ) ) ) {
			return;
		}
		foreach ( Ecomdir_Connect_Packer::META as $field => $key ) {
			$order->update_meta_data( $key, (string) ( $stored_meta[ $key ] ?? '' ) );
		}
		/* translators: %s: packer name */
		$order->add_order_note( sprintf( __( 'ecomdir: a change of packer was refused because packer %s confirmed this order (packer lock).', 'ecomdir-connect' ), $stored['name'] ) );
	}

	/** @return array<string,string> the order's packer meta as stored in its data store's tables */
	private static function stored_meta( WC_Order $order ) {
		$probe = new WC_Order();
		$probe->set_id( $order->get_id() );
		$rows  = $order->get_data_store()->read_meta( $probe );
		$meta  = array();
		foreach ( (array) $rows as $row ) {
			if ( in_array( $row->meta_key, Ecomdir_Connect_Packer::META, true ) && ! isset( $meta[ $row->meta_key ] ) ) {
				$meta[ $row->meta_key ] = (string) maybe_unserialize( $row->meta_value );
			}
		}
		return $meta;
	}

	/** The assignment in stored meta, in the shape of Ecomdir_Connect_Packer::read(); null when none. */
	private static function packer_from( array $meta ) {
		$id = (string) ( $meta[ Ecomdir_Connect_Packer::META['id'] ] ?? '' );
		if ( '' === $id ) {
			return null;
		}
		$confirmed = (string) ( $meta[ Ecomdir_Connect_Packer::META['confirmed_at'] ] ?? '' );
		return array(
			'id'           => $id,
			'name'         => (string) ( $meta[ Ecomdir_Connect_Packer::META['name'] ] ?? '' ),
			'confirmed_at' => '' === $confirmed ? null : $confirmed,
			'locked'       => '' !== $confirmed,
		);
	}

	/** Legacy storage, a meta row written by its id (WooCommerce's data store, the Custom Fields box). */
	public static function filter_post_meta_write_by_mid( $check, $meta_id, $meta_value, $meta_key ) {
		$row = null === $check ? get_metadata_by_mid( 'post', $meta_id ) : null;
		if ( ! $row ) {
			return $check;
		}
		if ( $meta_key && $meta_key !== $row->meta_key && in_array( $row->meta_key, array( Ecomdir_Connect_Packer::META['id'], Ecomdir_Connect_Packer::META['confirmed_at'] ), true ) ) {
			// Renaming the key away is deleting it.
			return self::filter_post_meta_delete( $check, $row->post_id, $row->meta_key );
		}
		return self::filter_post_meta_write( $check, $row->post_id, $meta_key ? $meta_key : $row->meta_key, $meta_value );
	}

	public static function filter_post_meta_delete_by_mid( $check, $meta_id ) {
		$row = null === $check ? get_metadata_by_mid( 'post', $meta_id ) : null;
		return $row ? self::filter_post_meta_delete( $check, $row->post_id, $row->meta_key ) : $check;
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
