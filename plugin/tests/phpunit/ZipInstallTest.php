<?php
use PHPUnit\Framework\TestCase;

/**
 * The zip built by bin/zip.sh installs into a fresh WordPress, activates without WooCommerce
 * (showing the admin notice, nothing breaks) and uninstalls cleanly.
 *
 * @group once
 */
final class ZipInstallTest extends TestCase {
	/** @var array */
	private static $site;

	public static function setUpBeforeClass(): void {
		$zip = getenv( 'ECOMDIR_TEST_ZIP' );
		if ( ! $zip || ! is_file( $zip ) ) {
			self::markTestSkipped( 'ECOMDIR_TEST_ZIP not set (bin/test.sh builds it)' );
		}
		$json = shell_exec( escapeshellarg( dirname( __DIR__ ) . '/harness/start-site.sh' ) . ' --without-woocommerce --plugin-zip ' . escapeshellarg( $zip ) );
		self::$site = json_decode( (string) $json, true );
		if ( ! self::$site ) {
			throw new RuntimeException( 'start-site.sh failed: ' . $json );
		}
	}

	public static function tearDownAfterClass(): void {
		if ( self::$site ) {
			shell_exec( escapeshellarg( dirname( __DIR__ ) . '/harness/stop-site.sh' ) . ' ' . escapeshellarg( self::$site['dir'] ) );
		}
	}

	public function test_zip_holds_only_the_plugin() {
		// unzip, not ZipArchive: Debian's php-zip is not among the test dependencies.
		exec( 'unzip -Z1 ' . escapeshellarg( getenv( 'ECOMDIR_TEST_ZIP' ) ), $names, $exit );
		$this->assertSame( 0, $exit );
		foreach ( $names as $name ) {
			$this->assertStringStartsWith( 'ecomdir-connect/', $name );
			$this->assertStringNotContainsString( 'tests', $name );
		}
		foreach ( array( 'ecomdir-connect/ecomdir-connect.php', 'ecomdir-connect/readme.txt', 'ecomdir-connect/uninstall.php', 'ecomdir-connect/languages/ecomdir-connect-ro_RO.mo' ) as $needed ) {
			$this->assertContains( $needed, $names );
		}
	}

	public function test_active_without_woocommerce_shows_the_notice() {
		$client = new Wp_Http_Client( self::$site['url'] );
		$client->login( self::$site['admin_user'], self::$site['admin_password'] );
		$dash = $client->get( '/wp-admin/' );
		$this->assertSame( 200, $dash['status'] );
		$this->assertStringContainsString( 'ecomdir Connect needs WooCommerce', $dash['body'] );
		$plugins = $client->get( '/wp-admin/plugins.php' );
		$this->assertMatchesRegularExpression( '~deactivate-ecomdir-connect~', $plugins['body'], 'the plugin is active' );
		$this->assertSame( 404, $client->rest( 'GET', 'ecomdir/v1/status' )['status'], 'no routes without WooCommerce' );
	}

	public function test_uninstall_removes_options_password_user_and_role() {
		$out    = shell_exec( 'php ' . escapeshellarg( dirname( __DIR__ ) . '/lib/uninstall-check.php' ) . ' ' . escapeshellarg( self::$site['dir'] ) . ' 2>&1' );
		$result = json_decode( (string) $out, true );
		$this->assertIsArray( $result, (string) $out );
		$this->assertSame( 1, $result['passwords_before'] );
		$this->assertSame( 0, $result['passwords_after'] );
		$this->assertFalse( $result['option_left'] );
		$this->assertFalse( $result['user_left'] );
		$this->assertFalse( $result['role_left'] );
	}
}
