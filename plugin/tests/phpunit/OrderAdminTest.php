<?php
use PHPUnit\Framework\TestCase;

/** Meta box and Packer column, on the screens of the active storage mode (HPOS or legacy). */
final class OrderAdminTest extends TestCase {
	/** @var int */
	private static $id;

	public static function setUpBeforeClass(): void {
		require_once ABSPATH . 'wp-admin/includes/class-wp-screen.php';
		require_once ABSPATH . 'wp-admin/includes/screen.php';
		require_once ABSPATH . 'wp-admin/includes/template.php';
		self::$id = Ecomdir_Test_Orders::create_one( 8 );
		$order    = wc_get_order( self::$id );
		Ecomdir_Connect_Packer::assign(
			$order,
			array(
				'packer_id'    => 'p7',
				'packer_name'  => 'Ioana <b>Pop</b>',
				'assigned_at'  => '2024-07-01T07:00:00Z',
				'confirmed_at' => '2024-07-01T07:30:00Z',
			)
		);
		Ecomdir_Connect_Shipment::record(
			wc_get_order( self::$id ),
			array(
				'courier'      => 'Cargus',
				'awb'          => '1122334455',
				'tracking_url' => 'https://app.urgentcargus.ro/Private/Tracking.aspx?CodBara=1122334455',
				'label_url'    => null,
			)
		);
	}

	/** What the screen of this mode passes to the meta box callback. */
	private function screen_object() {
		return Test_Env::is_hpos() ? wc_get_order( self::$id ) : get_post( self::$id );
	}

	public function test_meta_box_is_registered_on_the_orders_screen_of_the_mode() {
		global $wp_meta_boxes;
		$screen = Test_Env::is_hpos() ? 'woocommerce_page_wc-orders' : 'shop_order';
		// WooCommerce loads its admin functions in wp-admin only; the hook runs there.
		require_once WC_ABSPATH . 'includes/admin/wc-admin-functions.php';
		$this->assertSame( $screen, wc_get_page_screen_id( 'shop-order' ) );
		do_action( 'add_meta_boxes', $screen, $this->screen_object() );
		$this->assertArrayHasKey( 'ecomdir-connect-packer', $wp_meta_boxes[ $screen ]['side']['default'] );
	}

	public function test_meta_box_html() {
		ob_start();
		Ecomdir_Connect_Order_Admin::render_meta_box( $this->screen_object() );
		$html = ob_get_clean();
		$this->assertStringContainsString( 'Ioana &lt;b&gt;Pop&lt;/b&gt;', $html, 'escaped' );
		$this->assertStringContainsString( '2024-07-01 10:00', $html, 'assigned time in the site time zone (Europe/Bucharest)' );
		$this->assertStringContainsString( '2024-07-01 10:30', $html );
		$this->assertStringContainsString( 'Locked', $html );
		$this->assertStringContainsString( '1122334455', $html );
		$this->assertStringContainsString( 'href="https://app.urgentcargus.ro/Private/Tracking.aspx?CodBara=1122334455"', $html );
	}

	public function test_packer_column_on_both_lists() {
		foreach ( array( 'manage_edit-shop_order_columns', 'manage_woocommerce_page_wc-orders_columns' ) as $filter ) {
			$this->assertArrayHasKey( 'ecomdir_packer', apply_filters( $filter, array( 'order_number' => 'Order' ) ) );
		}
		ob_start();
		if ( Test_Env::is_hpos() ) {
			do_action( 'manage_woocommerce_page_wc-orders_custom_column', 'ecomdir_packer', wc_get_order( self::$id ) );
		} else {
			do_action( 'manage_shop_order_posts_custom_column', 'ecomdir_packer', self::$id );
		}
		$html = ob_get_clean();
		$this->assertStringContainsString( 'Ioana &lt;b&gt;Pop&lt;/b&gt;', $html );
		$this->assertStringContainsString( '(locked)', $html );
	}

	public function test_hpos_compatibility_is_declared() {
		$features = wc_get_container()->get( Automattic\WooCommerce\Internal\Features\FeaturesController::class );
		$plugins  = $features->get_compatible_plugins_for_feature( 'custom_order_tables' );
		$this->assertContains( 'ecomdir-connect/ecomdir-connect.php', $plugins['compatible'] );
		$this->assertNotContains( 'ecomdir-connect/ecomdir-connect.php', $plugins['incompatible'] );
	}
}
