<?php
/**
 * Uninstall: removes the plugin's options, its Application Passwords, the `ecomdir` API user it
 * created and that user's role. Order meta and notes stay: they are the shop's order history.
 *
 * @package EcomdirConnect
 */

defined( 'WP_UNINSTALL_PLUGIN' ) || exit;

require_once __DIR__ . '/includes/class-settings.php';
require_once __DIR__ . '/includes/class-api-user.php';
require_once ABSPATH . 'wp-admin/includes/user.php';

Ecomdir_Connect_Api_User::delete_all_passwords();
Ecomdir_Connect_Settings::delete();

$ecomdir_connect_user = get_user_by( 'login', Ecomdir_Connect_Api_User::LOGIN );
if ( $ecomdir_connect_user && get_user_meta( $ecomdir_connect_user->ID, Ecomdir_Connect_Api_User::MARKER, true ) ) {
	wp_delete_user( $ecomdir_connect_user->ID );
}
remove_role( Ecomdir_Connect_Api_User::ROLE );
