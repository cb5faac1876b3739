<?php
use PHPUnit\Framework\TestCase;

/** Every route with a valid, a wrong and no Application Password; parameters; schema. */
final class RestApiTest extends TestCase {
	/** @var int */
	private static $order_id;

	public static function setUpBeforeClass(): void {
		self::$order_id = Ecomdir_Test_Orders::create_one( 7 );
	}

	private function routes() {
		$id = self::$order_id;
		return array(
			array( 'GET', 'ecomdir/v1/status', null ),
			array( 'GET', 'ecomdir/v1/orders', null ),
			array( 'GET', "ecomdir/v1/orders/$id", null ),
			array(
				'POST',
				"ecomdir/v1/orders/$id/packer",
				array(
					'packer_id'    => 'p-1',
					'packer_name'  => 'Ana Pop',
					'assigned_at'  => '2024-05-01T08:00:00Z',
					'confirmed_at' => null,
				),
			),
			array(
				'POST',
				"ecomdir/v1/orders/$id/shipment",
				array(
					'courier'      => 'FAN Courier',
					'awb'          => '2100000001',
					'tracking_url' => 'https://www.fancourier.ro/awb-tracking/?awb=2100000001',
				),
			),
		);
	}

	public function test_every_route_accepts_the_application_password_only() {
		$client = Test_Env::client();
		$auth   = Test_Env::api_auth();
		foreach ( $this->routes() as list( $method, $route, $body ) ) {
			$ok = $client->rest( $method, $route, $auth, $body );
			$this->assertSame( 200, $ok['status'], "$method $route with the Application Password: {$ok['body']}" );
			$wrong = $client->rest( $method, $route, array( $auth[0], 'abcd efgh ijkl mnop qrst uvwx' ), $body );
			$this->assertSame( 401, $wrong['status'], "$method $route with a wrong password" );
			$none = $client->rest( $method, $route, null, $body );
			$this->assertContains( $none['status'], array( 401, 403 ), "$method $route without credentials" );
		}
	}

	public function test_a_user_without_order_capabilities_is_forbidden() {
		$id = username_exists( 'subscriber1' );
		if ( ! $id ) {
			$id = wp_insert_user( array( 'user_login' => 'subscriber1', 'user_pass' => wp_generate_password(), 'role' => 'subscriber' ) );
		}
		$app = WP_Application_Passwords::create_new_application_password( $id, array( 'name' => 'test ' . wp_generate_password( 6, false ) ) );
		$r   = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', array( 'subscriber1', $app[0] ) );
		$this->assertSame( 403, $r['status'] );
	}

	public function test_the_api_user_has_only_order_capabilities() {
		$user = get_user_by( 'login', Test_Env::api_auth()[0] );
		$this->assertSame( array( Ecomdir_Connect_Api_User::ROLE ), $user->roles );
		$this->assertTrue( user_can( $user, 'edit_shop_orders' ) );
		$this->assertTrue( user_can( $user, 'read_private_shop_orders' ) );
		foreach ( array( 'read', 'edit_posts', 'manage_woocommerce', 'manage_options', 'list_users', 'upload_files' ) as $cap ) {
			$this->assertFalse( user_can( $user, $cap ), "the ecomdir user must not have $cap" );
		}
	}

	/** @dataProvider bad_order_queries */
	public function test_bad_parameters_give_400( array $query ) {
		$r = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', Test_Env::api_auth(), null, $query );
		$this->assertSame( 400, $r['status'], json_encode( $query ) . ' → ' . $r['body'] );
		$this->assertSame( 'rest_invalid_param', $r['json']->code );
	}

	public function bad_order_queries() {
		return array(
			'limit 0'            => array( array( 'limit' => 0 ) ),
			'limit 501'          => array( array( 'limit' => 501 ) ),
			'limit text'         => array( array( 'limit' => 'ten' ) ),
			'after_id negative'  => array( array( 'after_id' => -1 ) ),
			'date without zone'  => array( array( 'modified_after' => '2024-05-01T10:00:00' ) ),
			'date as words'      => array( array( 'modified_after' => 'yesterday' ) ),
			'unknown status'     => array( array( 'status' => 'processing,shipped-to-mars' ) ),
		);
	}

	public function test_bad_bodies_give_400_and_unknown_orders_404() {
		$client = Test_Env::client();
		$auth   = Test_Env::api_auth();
		$id     = self::$order_id;
		$bad    = array(
			array( "ecomdir/v1/orders/$id/packer", array( 'packer_name' => 'X', 'assigned_at' => '2024-05-01T08:00:00Z' ) ),
			array( "ecomdir/v1/orders/$id/packer", array( 'packer_id' => 'p', 'packer_name' => 'X', 'assigned_at' => 'soon' ) ),
			array( "ecomdir/v1/orders/$id/packer", array( 'packer_id' => 'p', 'packer_name' => 'X', 'assigned_at' => '2024-05-01T08:00:00Z', 'confirmed_at' => 'later' ) ),
			array( "ecomdir/v1/orders/$id/shipment", array( 'courier' => 'FAN', 'awb' => '1', 'tracking_url' => 'not a url' ) ),
			array( "ecomdir/v1/orders/$id/shipment", array( 'courier' => 'FAN', 'tracking_url' => 'https://x.ro/' ) ),
		);
		foreach ( $bad as list( $route, $body ) ) {
			$r = $client->rest( 'POST', $route, $auth, $body );
			$this->assertSame( 400, $r['status'], "$route " . json_encode( $body ) . ' → ' . $r['body'] );
		}
		$missing = $client->rest( 'GET', 'ecomdir/v1/orders/999999999', $auth );
		$this->assertSame( 404, $missing['status'] );
		$this->assertSame( 'ecomdir_order_not_found', $missing['json']->code );
	}

	/**
	 * `hpos` is read at every call: a shop that switches its order storage (possible while the
	 * compatibility sync keeps both in step) is reported as it is now, not as it was at connect.
	 */
	public function test_status_follows_a_storage_switch() {
		$sync = wc_get_container()->get( Automattic\WooCommerce\Internal\DataStores\Orders\DataSynchronizer::class );
		$hpos = Test_Env::is_hpos();
		$auth = Test_Env::api_auth();
		if ( ! $sync->data_sync_is_enabled() ) {
			// Without the sync WooCommerce refuses the switch once orders exist: nothing to follow.
			$this->assertSame( $hpos, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', $auth )['json']->hpos );
			return;
		}
		$option = Automattic\WooCommerce\Internal\DataStores\Orders\CustomOrdersTableController::CUSTOM_ORDERS_TABLE_USAGE_ENABLED_OPTION;
		try {
			update_option( $option, $hpos ? 'no' : 'yes' );
			wp_cache_flush();
			$this->assertSame( ! $hpos, Test_Env::is_hpos(), 'WooCommerce switched the storage' );
			$this->assertSame( ! $hpos, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', $auth )['json']->hpos );
		} finally {
			update_option( $option, $hpos ? 'yes' : 'no' );
			wp_cache_flush();
		}
		$this->assertSame( $hpos, Test_Env::is_hpos(), 'switched back' );
		$this->assertSame( $hpos, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', $auth )['json']->hpos );
	}

	public function test_status_and_orders_match_the_schema() {
		$client = Test_Env::client();
		$auth   = Test_Env::api_auth();
		$schema = Test_Env::schema();
		$status = $client->rest( 'GET', 'ecomdir/v1/status', $auth );
		$this->assertSame( array(), $schema->validate( $status['json'], '#/$defs/status' ) );
		$this->assertSame( ECOMDIR_CONNECT_VERSION, $status['json']->plugin_version );
		$this->assertSame( Test_Env::is_hpos(), $status['json']->hpos );
		$this->assertSame( 'Europe/Bucharest', $status['json']->timezone );
		$one = $client->rest( 'GET', 'ecomdir/v1/orders/' . self::$order_id, $auth );
		$this->assertSame( array(), $schema->validate( $one['json'] ) );
		$this->assertSame( 'RON', $one['json']->currency );
		$this->assertSame( 'RO', $one['json']->billing->country );
		$page = $client->rest( 'GET', 'ecomdir/v1/orders', $auth, null, array( 'limit' => 5 ) );
		$this->assertSame( array(), $schema->validate( $page['json'], '#/$defs/orders_page' ) );
	}

	public function test_the_validator_rejects_what_the_schema_forbids() {
		$schema = Test_Env::schema();
		$order  = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders/' . self::$order_id, Test_Env::api_auth() )['json'];
		$float  = clone $order;
		$float->total = 12.5;
		$this->assertNotEmpty( $schema->validate( $float ) );
		$extra        = clone $order;
		$extra->extra = 1;
		$this->assertNotEmpty( $schema->validate( $extra ) );
		$local             = clone $order;
		$local->created_at = '2024-05-01T10:00:00+03:00';
		$this->assertNotEmpty( $schema->validate( $local ) );
	}

	public function test_status_filter() {
		$cancelled = Ecomdir_Test_Orders::create_one( 3, 'cancelled' );
		sleep( 3 ); // Past the feed's settle window.
		$r   = Test_Env::client()->rest( 'GET', 'ecomdir/v1/orders', Test_Env::api_auth(), null, array( 'status' => 'cancelled', 'limit' => 500 ) );
		$ids = array_map( static function ( $o ) { return $o->id; }, $r['json']->orders );
		$this->assertContains( $cancelled, $ids );
		foreach ( $r['json']->orders as $o ) {
			$this->assertSame( 'cancelled', $o->status );
		}
	}
}
