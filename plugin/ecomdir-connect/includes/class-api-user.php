<?php
/**
 * The WordPress user `ecomdir` that the ecomdir server authenticates as, and its Application
 * Password. The user gets a role of its own holding only the order capabilities the REST routes
 * check, so a leaked credential can read and update orders and nothing else.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Api_User {
	const LOGIN    = 'ecomdir';
	const ROLE     = 'ecomdir_api';
	const APP_NAME = 'ecomdir Connect';
	/** User meta marking the user as ours, so an unrelated user called "ecomdir" is never taken over. */
	const MARKER = '_ecomdir_connect_api_user';

	/** WooCommerce's shop_order capabilities needed to read and update orders; nothing else. */
	const CAPS = array(
		'read_shop_order',
		'read_private_shop_orders',
		'edit_shop_order',
		'edit_shop_orders',
		'edit_others_shop_orders',
		'edit_private_shop_orders',
		'edit_published_shop_orders',
	);

	/**
	 * Why Application Passwords cannot be used here, in words for the owner, or '' when they can.
	 */
	public static function availability_problem( $user = null ) {
		if ( ! wp_is_application_passwords_available() ) {
			return __( 'WordPress Application Passwords are not available on this site. WordPress offers them only over HTTPS, or when the environment type is "local" (WP_ENVIRONMENT_TYPE). A security plugin may also have switched them off. Enable HTTPS (or allow Application Passwords) and try again.', 'ecomdir-connect' );
		}
		if ( $user && ! wp_is_application_passwords_available_for_user( $user ) ) {
			return __( 'Application Passwords are switched off for the ecomdir user (a plugin or theme filters them). Allow them for this user and try again.', 'ecomdir-connect' );
		}
		return '';
	}

	/** @return WP_User|WP_Error */
	public static function ensure_user() {
		self::ensure_role();
		$user = get_user_by( 'login', self::LOGIN );
		if ( $user ) {
			if ( ! get_user_meta( $user->ID, self::MARKER, true ) ) {
				return new WP_Error( 'ecomdir_user_taken', __( 'A user named "ecomdir" already exists and was not created by ecomdir Connect. Rename or remove it, then connect again.', 'ecomdir-connect' ) );
			}
			$user->set_role( self::ROLE );
			return $user;
		}
		$id = wp_insert_user(
			array(
				'user_login'   => self::LOGIN,
				'user_pass'    => wp_generate_password( 48, true, true ),
				'display_name' => 'ecomdir',
				'role'         => self::ROLE,
			)
		);
		if ( is_wp_error( $id ) ) {
			return $id;
		}
		update_user_meta( $id, self::MARKER, 1 );
		return get_user_by( 'id', $id );
	}

	public static function ensure_role() {
		$role = get_role( self::ROLE );
		if ( ! $role ) {
			add_role( self::ROLE, 'ecomdir API', array_fill_keys( self::CAPS, true ) );
			return;
		}
		foreach ( self::CAPS as $cap ) {
			if ( ! $role->has_cap( $cap ) ) {
				$role->add_cap( $cap );
			}
		}
	}

	/**
	 * Creates a new Application Password. Each gets a distinct name, so the previous one keeps
	 * working until the new connection succeeds (see Ecomdir_Connect_Admin_Page::connect()).
	 *
	 * @return array{password:string,uuid:string}|WP_Error
	 */
	public static function create_password( WP_User $user ) {
		$created = WP_Application_Passwords::create_new_application_password(
			$user->ID,
			array( 'name' => self::APP_NAME . ' ' . gmdate( 'Y-m-d H:i:s' ) . ' ' . wp_generate_password( 4, false ) )
		);
		if ( is_wp_error( $created ) ) {
			return $created;
		}
		return array(
			'password' => $created[0],
			'uuid'     => $created[1]['uuid'],
		);
	}

	public static function delete_password( $uuid ) {
		$user = get_user_by( 'login', self::LOGIN );
		if ( $user && '' !== (string) $uuid ) {
			WP_Application_Passwords::delete_application_password( $user->ID, $uuid );
		}
	}

	/** Removes every Application Password this plugin made (used by uninstall). */
	public static function delete_all_passwords() {
		$user = get_user_by( 'login', self::LOGIN );
		if ( ! $user ) {
			return;
		}
		foreach ( WP_Application_Passwords::get_user_application_passwords( $user->ID ) as $item ) {
			if ( 0 === strpos( $item['name'], self::APP_NAME ) ) {
				WP_Application_Passwords::delete_application_password( $user->ID, $item['uuid'] );
			}
		}
	}
}
