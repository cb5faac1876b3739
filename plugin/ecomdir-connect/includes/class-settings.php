<?php
/**
 * The plugin's settings, kept in one option. The owner's ecomdir password is never part of it.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Settings {
	const OPTION = 'ecomdir_connect_settings';

	const DEFAULTS = array(
		'server_url'           => '',
		'store_id'             => '',
		'connected_at'         => 0,
		'app_password_uuid'    => '',
		'owner_override'       => false,
		'complete_on_shipment' => false,
		'last_error'           => '',
		'disconnected_at'      => 0,
		'first_sync_days'      => 30,
		'show_connect_notice'  => false,
	);

	/** The first-sync windows the Connect page offers, in days (ecomdir accepts 1..3650). */
	const FIRST_SYNC_DAYS = array( 7, 30, 90, 180, 365 );

	public static function all() {
		$stored = get_option( self::OPTION, array() );
		return array_merge( self::DEFAULTS, is_array( $stored ) ? array_intersect_key( $stored, self::DEFAULTS ) : array() );
	}

	public static function get( $key ) {
		$all = self::all();
		return $all[ $key ];
	}

	public static function update( array $changes ) {
		update_option( self::OPTION, array_merge( self::all(), array_intersect_key( $changes, self::DEFAULTS ) ), false );
	}

	public static function is_connected() {
		return '' !== (string) self::get( 'store_id' );
	}

	public static function delete() {
		delete_option( self::OPTION );
	}
}
