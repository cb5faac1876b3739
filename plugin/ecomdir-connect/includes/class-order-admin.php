<?php
/**
 * Packer status in wp-admin: a meta box on the order edit screen and a Packer column in the
 * orders list, on both the HPOS screen and the legacy (posts) one.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Order_Admin {
	const COLUMN = 'ecomdir_packer';

	public static function register() {
		add_action( 'add_meta_boxes', array( __CLASS__, 'add_meta_box' ) );
		// Legacy list (posts) and HPOS list; each hook only fires on its own screen.
		add_filter( 'manage_edit-shop_order_columns', array( __CLASS__, 'add_column' ) );
		add_action( 'manage_shop_order_posts_custom_column', array( __CLASS__, 'render_column' ), 10, 2 );
		add_filter( 'manage_woocommerce_page_wc-orders_columns', array( __CLASS__, 'add_column' ) );
		add_action( 'manage_woocommerce_page_wc-orders_custom_column', array( __CLASS__, 'render_column' ), 10, 2 );
	}

	public static function add_meta_box() {
		add_meta_box( 'ecomdir-connect-packer', __( 'ecomdir packer', 'ecomdir-connect' ), array( __CLASS__, 'render_meta_box' ), wc_get_page_screen_id( 'shop-order' ), 'side', 'default' );
	}

	/** @param WP_Post|WC_Order $post_or_order legacy screens pass the post, HPOS the order. */
	private static function order_of( $post_or_order ) {
		if ( $post_or_order instanceof WC_Order ) {
			return $post_or_order;
		}
		return wc_get_order( $post_or_order instanceof WP_Post ? $post_or_order->ID : (int) $post_or_order );
	}

	public static function render_meta_box( $post_or_order ) {
		$order = self::order_of( $post_or_order );
		if ( ! $order ) {
			return;
		}
		$packer   = Ecomdir_Connect_Packer::read( $order );
		$shipment = Ecomdir_Connect_Shipment::read( $order );
		echo '<div class="ecomdir-packer-box">';
		if ( ! $packer ) {
			echo '<p>' . esc_html__( 'No packer assigned yet.', 'ecomdir-connect' ) . '</p>';
		} else {
			self::row( __( 'Packer', 'ecomdir-connect' ), $packer['name'] );
			self::row( __( 'Assigned', 'ecomdir-connect' ), Ecomdir_Connect_Dates::for_display( $packer['assigned_at'] ) );
			self::row( __( 'Confirmed', 'ecomdir-connect' ), $packer['confirmed_at'] ? Ecomdir_Connect_Dates::for_display( $packer['confirmed_at'] ) : __( 'Not confirmed yet', 'ecomdir-connect' ) );
			self::row( __( 'Lock', 'ecomdir-connect' ), $packer['locked'] ? __( 'Locked: only an owner override can change the packer.', 'ecomdir-connect' ) : __( 'Not locked', 'ecomdir-connect' ) );
		}
		if ( $shipment ) {
			self::row( __( 'Courier', 'ecomdir-connect' ), $shipment['courier'] );
			self::row( __( 'AWB', 'ecomdir-connect' ), $shipment['awb'] );
			printf( '<p><a href="%1$s" target="_blank" rel="noopener noreferrer">%2$s</a></p>', esc_url( $shipment['tracking_url'] ), esc_html__( 'Track the shipment', 'ecomdir-connect' ) );
		}
		echo '</div>';
	}

	private static function row( $label, $value ) {
		printf( '<p><strong>%1$s:</strong> %2$s</p>', esc_html( $label ), esc_html( $value ) );
	}

	public static function add_column( $columns ) {
		$columns[ self::COLUMN ] = __( 'Packer', 'ecomdir-connect' );
		return $columns;
	}

	/** @param int|WC_Order $post_id_or_order legacy passes the post id, HPOS the order. */
	public static function render_column( $column, $post_id_or_order ) {
		if ( self::COLUMN !== $column ) {
			return;
		}
		$order  = self::order_of( $post_id_or_order );
		$packer = $order ? Ecomdir_Connect_Packer::read( $order ) : null;
		if ( ! $packer ) {
			echo '<span class="na">&ndash;</span>';
			return;
		}
		echo esc_html( $packer['name'] );
		if ( $packer['locked'] ) {
			echo ' <span class="ecomdir-locked" title="' . esc_attr__( 'Confirmed by the packer', 'ecomdir-connect' ) . '">' . esc_html__( '(locked)', 'ecomdir-connect' ) . '</span>';
		}
	}
}
