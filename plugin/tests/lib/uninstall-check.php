<?php
/**
 * Runs in a harness site (argv[1] = site dir): sets the plugin up as a connection would, then
 * uninstalls it through WordPress and prints what is left, as JSON.
 */
require dirname( __DIR__ ) . '/harness/lib/load-wordpress.php';
ecomdir_test_load_wordpress( $argv[1] );
require_once ABSPATH . 'wp-admin/includes/plugin.php';

$user = Ecomdir_Connect_Api_User::ensure_user();
$app  = Ecomdir_Connect_Api_User::create_password( $user );
Ecomdir_Connect_Settings::update( array( 'store_id' => 'st_1', 'app_password_uuid' => $app['uuid'] ) );
$before = count( WP_Application_Passwords::get_user_application_passwords( $user->ID ) );

deactivate_plugins( 'ecomdir-connect/ecomdir-connect.php' );
uninstall_plugin( 'ecomdir-connect/ecomdir-connect.php' );
wp_cache_flush();
echo json_encode(
	array(
		'passwords_before' => $before,
		'passwords_after'  => count( WP_Application_Passwords::get_user_application_passwords( $user->ID ) ),
		'option_left'      => false !== get_option( 'ecomdir_connect_settings' ),
		'user_left'        => (bool) get_user_by( 'login', 'ecomdir' ),
		'role_left'        => (bool) get_role( 'ecomdir_api' ),
	)
) . "\n";
