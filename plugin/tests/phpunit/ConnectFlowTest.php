<?php
use PHPUnit\Framework\TestCase;

/**
 * Save & connect over HTTP, as an owner does it (login, settings form with nonce), against a fake
 * ecomdir server: success, wrong credentials (401), store not reachable (422), server unreachable.
 *
 * @group once
 */
final class ConnectFlowTest extends TestCase {
	const OWNER_PASSWORD = 'Parola-ecomdir-S3cret!ăș';

	/** @var string */
	private static $fake_url;
	/** @var int */
	private static $fake_pid;
	/** @var string */
	private static $fake_dir;

	public static function setUpBeforeClass(): void {
		self::$fake_dir = sys_get_temp_dir() . '/ecomdir-fake-' . getmypid();
		@mkdir( self::$fake_dir );
		list( self::$fake_url, self::$fake_pid ) = Test_Env::start_server( dirname( __DIR__ ) . '/fake-ecomdir/router.php', array( 'FAKE_ECOMDIR_DIR' => self::$fake_dir ) );
	}

	public static function tearDownAfterClass(): void {
		Test_Env::stop_server( self::$fake_pid );
		array_map( 'unlink', glob( self::$fake_dir . '/*' ) );
		@rmdir( self::$fake_dir );
	}

	protected function setUp(): void {
		@unlink( self::$fake_dir . '/requests.jsonl' );
	}

	private function requests() {
		$file = self::$fake_dir . '/requests.jsonl';
		return is_file( $file ) ? array_map( 'json_decode', file( $file, FILE_IGNORE_NEW_LINES ) ) : array();
	}

	private function connect( $server_url, Wp_Http_Client $client = null ) {
		$client = $client ? $client : Test_Env::admin_client();
		return $client->submit_settings_form(
			array(
				'server_url' => $server_url,
				'email'      => 'owner@example.ro',
				'password'   => self::OWNER_PASSWORD,
			)
		);
	}

	private function app_password_count() {
		wp_cache_flush();
		$user = get_user_by( 'login', 'ecomdir' );
		return $user ? count( WP_Application_Passwords::get_user_application_passwords( $user->ID ) ) : 0;
	}

	private function assert_owner_password_not_stored() {
		$this->assertSame( array(), Test_Env::tables_containing( self::OWNER_PASSWORD ), 'the ecomdir password is in no table' );
		$this->assertStringNotContainsString( self::OWNER_PASSWORD, (string) @file_get_contents( Test_Env::$site['dir'] . '/debug.log' ) );
	}

	public function test_connect_rotate_and_disconnect() {
		$admin = Test_Env::admin_client();
		$page  = $this->connect( self::$fake_url . '/ok', $admin );
		$this->assertStringContainsString( 'ecomdir_result=connected', $page['url'], $page['body'] );
		$this->assertStringContainsString( 'Store ID: st_test_42', $page['body'] );

		$connects = array_values( array_filter( $this->requests(), static function ( $r ) { return '/ok/api/connect' === $r->path; } ) );
		$this->assertCount( 1, $connects );
		$this->assertSame( 'application/json', $connects[0]->content_type );
		$body = json_decode( $connects[0]->body, true );
		$this->assertSame( array( 'email', 'password', 'app_user', 'app_password', 'first_sync_days', 'store_url', 'platform', 'plugin_version' ), array_keys( $body ) );
		$this->assertSame( 30, $body['first_sync_days'], 'the default first-sync window' );
		$this->assertSame( 'owner@example.ro', $body['email'] );
		$this->assertSame( self::OWNER_PASSWORD, $body['password'] );
		$this->assertSame( 'ecomdir', $body['app_user'] );
		$this->assertSame( 'woocommerce', $body['platform'] );
		$this->assertSame( ECOMDIR_CONNECT_VERSION, $body['plugin_version'] );
		$this->assertSame( Test_Env::url(), $body['store_url'] );
		$first = $body['app_password'];
		$this->assertSame( 200, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', array( 'ecomdir', $first ) )['status'] );

		$this->assert_owner_password_not_stored();
		$this->assertSame( array(), Test_Env::tables_containing( $first ), 'the Application Password is stored hashed only' );
		wp_cache_flush();
		$this->assertSame( 'st_test_42', Ecomdir_Connect_Settings::get( 'store_id' ) );

		// Reconnecting rotates the Application Password: the old one stops working. The owner
		// chooses another first-sync window on the way; it is sent and shown as chosen.
		$page = $admin->submit_settings_form(
			array(
				'server_url'      => self::$fake_url . '/ok',
				'email'           => 'owner@example.ro',
				'password'        => self::OWNER_PASSWORD,
				'first_sync_days' => '90',
			)
		);
		$this->assertMatchesRegularExpression( '~<option value="90"\s+selected~', $page['body'] );
		$all    = array_values( array_filter( $this->requests(), static function ( $r ) { return '/ok/api/connect' === $r->path; } ) );
		$second = json_decode( end( $all )->body, true )['app_password'];
		$this->assertSame( 90, json_decode( end( $all )->body, true )['first_sync_days'] );
		$this->assertNotSame( $first, $second );
		$this->assertSame( 401, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', array( 'ecomdir', $first ) )['status'] );
		$this->assertSame( 200, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', array( 'ecomdir', $second ) )['status'] );

		$page = $admin->submit_settings_form( array(), 'ecomdir-disconnect-form' );
		$this->assertStringContainsString( 'ecomdir_result=disconnected', $page['url'] );
		$this->assertSame( 401, Test_Env::client()->rest( 'GET', 'ecomdir/v1/status', array( 'ecomdir', $second ) )['status'] );
		$this->assertStringContainsString( 'id="ecomdir-connect-disconnected"', $page['body'] );
		$this->assertStringContainsString( 'Disconnected from ecomdir on', $page['body'] );
		$this->assertStringNotContainsString( 'not connected to ecomdir yet', $page['body'] );
		// Still "disconnected" on a later visit, not "not connected yet".
		$this->assertStringContainsString( 'Disconnected from ecomdir on', $admin->settings_page()['body'] );
	}

	public function test_activation_leads_to_the_connect_page() {
		Test_Env::settings(
			array(
				'store_id'            => '',
				'show_connect_notice' => false,
			)
		);
		require_once ABSPATH . 'wp-admin/includes/plugin.php';
		deactivate_plugins( 'ecomdir-connect/ecomdir-connect.php', true );
		activate_plugin( 'ecomdir-connect/ecomdir-connect.php' );
		$this->assertTrue( is_plugin_active( 'ecomdir-connect/ecomdir-connect.php' ) );
		$admin = Test_Env::admin_client();
		$dash  = $admin->get( '/wp-admin/' );
		$this->assertSame( 200, $dash['status'] );
		$this->assertMatchesRegularExpression( '~id="ecomdir-connect-activated".*href="[^"]*admin\.php\?page=ecomdir-connect"~s', $dash['body'] );
		$this->assertStringContainsString( 'Connect to ecomdir', $dash['body'] );
		// Opening the Connect page is what the notice was for: it is gone afterwards.
		$this->assertStringNotContainsString( 'id="ecomdir-connect-activated"', $admin->settings_page()['body'] );
		$this->assertStringNotContainsString( 'id="ecomdir-connect-activated"', $admin->get( '/wp-admin/' )['body'] );
	}

	public function test_wrong_credentials() {
		$before = $this->app_password_count();
		$page   = $this->connect( self::$fake_url . '/unauthorized' );
		$this->assertStringContainsString( 'ecomdir_result=failed', $page['url'] );
		$this->assertStringContainsString( 'ecomdir did not accept this email and password', $page['body'] );
		$this->assertSame( $before, $this->app_password_count(), 'the unused Application Password was revoked' );
		$this->assert_owner_password_not_stored();
	}

	public function test_store_not_reachable_from_the_server_shows_the_store_answer() {
		$page = $this->connect( self::$fake_url . '/store-unreachable' );
		$this->assertStringContainsString( 'could not reach this store (HTTP 401)', $page['body'] );
		$this->assertStringContainsString( 'The store answered: {&quot;code&quot;:&quot;incorrect_password&quot;', $page['body'], "the store's own answer, escaped" );
		$this->assert_owner_password_not_stored();
	}

	public function test_server_unreachable() {
		$page = $this->connect( 'http://127.0.0.1:' . Test_Env::free_port() );
		$this->assertStringContainsString( 'could not be reached', $page['body'] );
		$this->assert_owner_password_not_stored();
	}

	public function test_the_form_needs_a_nonce_and_manage_woocommerce() {
		$admin = Test_Env::admin_client();
		$r     = $admin->post( '/wp-admin/admin-post.php', array( 'action' => 'ecomdir_connect_save', 'server_url' => self::$fake_url . '/ok', 'email' => 'a@b.ro', 'password' => 'x' ) );
		$this->assertSame( 403, $r['status'], 'no nonce' );
		if ( ! username_exists( 'editor1' ) ) {
			wp_insert_user( array( 'user_login' => 'editor1', 'user_pass' => 'editor1-pass-123', 'role' => 'editor' ) );
		}
		$editor = Test_Env::client();
		$editor->login( 'editor1', 'editor1-pass-123' );
		$r = $editor->post( '/wp-admin/admin-post.php', array( 'action' => 'ecomdir_connect_save', 'server_url' => self::$fake_url . '/ok', 'email' => 'a@b.ro', 'password' => 'x' ) );
		$this->assertSame( 403, $r['status'], 'no manage_woocommerce' );
		$this->assertSame( array(), $this->requests(), 'nothing was sent' );
	}

	public function test_settings_page_explains_when_application_passwords_are_unavailable() {
		add_filter( 'wp_is_application_passwords_available', '__return_false' );
		$message = Ecomdir_Connect_Api_User::availability_problem();
		remove_filter( 'wp_is_application_passwords_available', '__return_false' );
		$this->assertStringContainsString( 'HTTPS', $message );
		$this->assertStringContainsString( 'WP_ENVIRONMENT_TYPE', $message );
		$this->assertSame( '', Ecomdir_Connect_Api_User::availability_problem() );
	}
}
