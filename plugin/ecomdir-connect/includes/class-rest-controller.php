<?php
/**
 * REST routes of the connector contract, namespace ecomdir/v1 (docs/connector-api.md).
 * Authentication is WordPress's own (Application Password over Basic Auth); access is decided
 * by WooCommerce's order capabilities, which the `ecomdir` user's role grants.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Rest_Controller {
	const NAMESPACE_V1 = 'ecomdir/v1';
	const ORDER_ROUTE  = '/orders/(?P<id>\d+)';

	public static function register_routes() {
		$read  = array( __CLASS__, 'can_read' );
		$write = array( __CLASS__, 'can_write' );
		register_rest_route(
			self::NAMESPACE_V1,
			'/status',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_status' ),
				'permission_callback' => $read,
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			'/orders',
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_orders' ),
				'permission_callback' => $read,
				'args'                => array(
					'modified_after' => array(
						'type'              => 'string',
						'default'           => '1970-01-01T00:00:00Z',
						'validate_callback' => array( __CLASS__, 'validate_iso_date' ),
					),
					'after_id'       => array(
						'type'    => 'integer',
						'minimum' => 0,
						'default' => 0,
					),
					'limit'          => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => 500,
						'default' => 100,
					),
					'status'         => array(
						'type'              => 'string',
						'default'           => '',
						'validate_callback' => array( __CLASS__, 'validate_statuses' ),
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			self::ORDER_ROUTE,
			array(
				'methods'             => 'GET',
				'callback'            => array( __CLASS__, 'get_order' ),
				'permission_callback' => $read,
			)
		);
		$date_or_null = array(
			'type'   => array( 'string', 'null' ),
			'format' => 'date-time',
		);
		register_rest_route(
			self::NAMESPACE_V1,
			self::ORDER_ROUTE . '/packer',
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'post_packer' ),
				'permission_callback' => $write,
				'args'                => array(
					'packer_id'    => self::text_arg( 100 ),
					'packer_name'  => self::text_arg( 200 ),
					'assigned_at'  => array(
						'type'              => 'string',
						'required'          => true,
						'validate_callback' => array( __CLASS__, 'validate_iso_date' ),
					),
					'confirmed_at' => $date_or_null + array(
						'default'           => null,
						'validate_callback' => array( __CLASS__, 'validate_iso_date_or_null' ),
					),
					'override'     => array(
						'type'    => 'boolean',
						'default' => false,
					),
				),
			)
		);
		register_rest_route(
			self::NAMESPACE_V1,
			self::ORDER_ROUTE . '/shipment',
			array(
				'methods'             => 'POST',
				'callback'            => array( __CLASS__, 'post_shipment' ),
				'permission_callback' => $write,
				'args'                => array(
					'courier'      => self::text_arg( 100 ),
					'awb'          => self::text_arg( 100 ),
					'tracking_url' => array(
						'type'              => 'string',
						'required'          => true,
						'validate_callback' => array( __CLASS__, 'validate_url' ),
					),
					'label_url'    => array(
						'type'              => array( 'string', 'null' ),
						'default'           => null,
						'validate_callback' => array( __CLASS__, 'validate_url_or_null' ),
					),
				),
			)
		);
	}

	private static function text_arg( $max ) {
		return array(
			'type'      => 'string',
			'required'  => true,
			'minLength' => 1,
			'maxLength' => $max,
		);
	}

	public static function can_read() {
		return self::allowed( 'read_private_shop_orders' );
	}

	public static function can_write() {
		return self::allowed( 'edit_shop_orders' );
	}

	private static function allowed( $cap ) {
		if ( current_user_can( $cap ) ) {
			return true;
		}
		return new WP_Error( 'rest_forbidden', __( 'Sorry, you are not allowed to do that.', 'ecomdir-connect' ), array( 'status' => rest_authorization_required_code() ) );
	}

	public static function validate_iso_date( $value, $request, $param ) {
		if ( null === Ecomdir_Connect_Dates::parse( $value ) ) {
			/* translators: %s: parameter name */
			return new WP_Error( 'rest_invalid_param', sprintf( __( '%s must be an ISO-8601 date-time with a time zone, e.g. 2024-05-01T10:00:00Z.', 'ecomdir-connect' ), $param ), array( 'status' => 400 ) );
		}
		return true;
	}

	public static function validate_iso_date_or_null( $value, $request, $param ) {
		return null === $value ? true : self::validate_iso_date( $value, $request, $param );
	}

	/** Core's 'uri' format only sanitizes; a tracking link must really be an http(s) URL. */
	public static function validate_url( $value, $request, $param ) {
		$ok = is_string( $value ) && filter_var( $value, FILTER_VALIDATE_URL ) && in_array( strtolower( (string) wp_parse_url( $value, PHP_URL_SCHEME ) ), array( 'http', 'https' ), true );
		/* translators: %s: parameter name */
		return $ok ? true : new WP_Error( 'rest_invalid_param', sprintf( __( '%s must be an http or https URL.', 'ecomdir-connect' ), $param ), array( 'status' => 400 ) );
	}

	public static function validate_url_or_null( $value, $request, $param ) {
		return null === $value ? true : self::validate_url( $value, $request, $param );
	}

	public static function validate_statuses( $value ) {
		$known = array_map(
			static function ( $slug ) {
				return 0 === strpos( $slug, 'wc-' ) ? substr( $slug, 3 ) : $slug;
			},
			array_keys( wc_get_order_statuses() )
		);
		$unknown = array_diff( self::csv( $value ), $known );
		if ( $unknown ) {
			/* translators: %s: list of statuses */
			return new WP_Error( 'rest_invalid_param', sprintf( __( 'Unknown order status: %s', 'ecomdir-connect' ), implode( ', ', $unknown ) ), array( 'status' => 400 ) );
		}
		return true;
	}

	private static function csv( $value ) {
		return array_values( array_filter( array_map( 'trim', explode( ',', (string) $value ) ), 'strlen' ) );
	}

	public static function get_status() {
		return rest_ensure_response(
			array(
				'contract_version'    => 1,
				'plugin_version'      => ECOMDIR_CONNECT_VERSION,
				'wordpress_version'   => get_bloginfo( 'version' ),
				'woocommerce_version' => defined( 'WC_VERSION' ) ? WC_VERSION : WC()->version,
				'hpos'                => \Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled(),
				'site_url'            => home_url(),
				'timezone'            => wp_timezone_string(),
				'currency'            => (string) get_option( 'woocommerce_currency', '' ),
			)
		);
	}

	public static function get_orders( WP_REST_Request $request ) {
		$page = Ecomdir_Connect_Order_Feed::page(
			Ecomdir_Connect_Dates::parse( $request['modified_after'] ),
			(int) $request['after_id'],
			(int) $request['limit'],
			self::csv( $request['status'] )
		);
		return rest_ensure_response(
			array(
				'orders'      => array_map( array( 'Ecomdir_Connect_Order_Mapper', 'to_unified' ), $page['orders'] ),
				'next_cursor' => $page['next_cursor'],
			)
		);
	}

	/** @return WC_Order|WP_Error */
	private static function find_order( WP_REST_Request $request ) {
		$order = wc_get_order( (int) $request['id'] );
		if ( ! $order || 'shop_order' !== $order->get_type() ) {
			return new WP_Error( 'ecomdir_order_not_found', __( 'Order not found.', 'ecomdir-connect' ), array( 'status' => 404 ) );
		}
		return $order;
	}

	public static function get_order( WP_REST_Request $request ) {
		$order = self::find_order( $request );
		return is_wp_error( $order ) ? $order : rest_ensure_response( Ecomdir_Connect_Order_Mapper::to_unified( $order ) );
	}

	public static function post_packer( WP_REST_Request $request ) {
		$order = self::find_order( $request );
		if ( is_wp_error( $order ) ) {
			return $order;
		}
		$confirmed = $request['confirmed_at'];
		$result    = Ecomdir_Connect_Packer::assign(
			$order,
			array(
				'packer_id'    => sanitize_text_field( $request['packer_id'] ),
				'packer_name'  => sanitize_text_field( $request['packer_name'] ),
				'assigned_at'  => Ecomdir_Connect_Dates::to_iso( Ecomdir_Connect_Dates::parse( $request['assigned_at'] ) ),
				'confirmed_at' => null === $confirmed ? null : Ecomdir_Connect_Dates::to_iso( Ecomdir_Connect_Dates::parse( $confirmed ) ),
				'override'     => (bool) $request['override'],
			)
		);
		return is_wp_error( $result ) ? $result : rest_ensure_response( Ecomdir_Connect_Order_Mapper::to_unified( $result ) );
	}

	public static function post_shipment( WP_REST_Request $request ) {
		$order = self::find_order( $request );
		if ( is_wp_error( $order ) ) {
			return $order;
		}
		$result = Ecomdir_Connect_Shipment::record(
			$order,
			array(
				'courier'      => sanitize_text_field( $request['courier'] ),
				'awb'          => sanitize_text_field( $request['awb'] ),
				'tracking_url' => esc_url_raw( $request['tracking_url'] ),
				'label_url'    => $request['label_url'] ? esc_url_raw( $request['label_url'] ) : null,
			)
		);
		return rest_ensure_response( Ecomdir_Connect_Order_Mapper::to_unified( $result ) );
	}
}
