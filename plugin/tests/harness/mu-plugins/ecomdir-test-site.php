<?php
/**
 * Plugin Name: ecomdir test site (offline)
 * Description: Installed by plugin/tests/harness/start-site.sh into throw-away test sites only.
 * Keeps WooCommerce offline and deterministic: no outgoing HTTP except to 127.0.0.1 (the
 * ecomdir server under test), no Action Scheduler requests to itself, no e-mails.
 */

add_filter( 'action_scheduler_allow_async_request_runner', '__return_false' );
add_filter( 'woocommerce_admin_features', static function ( $features ) {
	return array_values( array_diff( (array) $features, array( 'remote-inbox-notifications', 'remote-free-extensions', 'payment-gateway-suggestions', 'marketing' ) ) );
} );
add_filter( 'pre_wp_mail', '__return_true' );
add_filter(
	'pre_http_request',
	static function ( $pre, $args, $url ) {
		$host = (string) wp_parse_url( $url, PHP_URL_HOST );
		return in_array( $host, array( '127.0.0.1', 'localhost' ), true ) ? $pre : new WP_Error( 'http_request_blocked', 'test site: no outgoing HTTP' );
	},
	10,
	3
);
