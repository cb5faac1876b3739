<?php
use PHPUnit\Framework\TestCase;

/**
 * The plugin's files: PHP syntax, one version everywhere, wordpress.org readme sections.
 *
 * @group once
 */
final class PluginFilesTest extends TestCase {
	private static function plugin_dir() {
		return dirname( __DIR__, 2 ) . '/ecomdir-connect';
	}

	public function test_every_php_file_of_plugin_and_tests_lints() {
		$files = new RecursiveIteratorIterator( new RecursiveDirectoryIterator( dirname( __DIR__, 2 ), FilesystemIterator::SKIP_DOTS ) );
		$count = 0;
		foreach ( $files as $file ) {
			if ( 'php' !== $file->getExtension() ) {
				continue;
			}
			exec( 'php -l ' . escapeshellarg( $file->getPathname() ) . ' 2>&1', $out, $exit );
			$this->assertSame( 0, $exit, implode( "\n", $out ) );
			$count++;
		}
		$this->assertGreaterThan( 30, $count );
	}

	public function test_one_version() {
		$main   = file_get_contents( self::plugin_dir() . '/ecomdir-connect.php' );
		$readme = file_get_contents( self::plugin_dir() . '/readme.txt' );
		$this->assertMatchesRegularExpression( '/^ \* Version:\s+' . preg_quote( ECOMDIR_CONNECT_VERSION, '/' ) . '$/m', $main );
		$this->assertMatchesRegularExpression( '/^Stable tag: ' . preg_quote( ECOMDIR_CONNECT_VERSION, '/' ) . '$/m', $readme );
	}

	public function test_readme_follows_the_wordpress_org_format() {
		$readme = file_get_contents( self::plugin_dir() . '/readme.txt' );
		$this->assertStringStartsWith( '=== ecomdir Connect ===', $readme );
		foreach ( array( 'Contributors:', 'Requires at least:', 'Tested up to:', 'Requires PHP:', 'License:', '== Description ==', '== External services ==', '== Installation ==', '== Frequently Asked Questions ==', '== Changelog ==' ) as $needle ) {
			$this->assertStringContainsString( $needle, $readme );
		}
		$this->assertMatchesRegularExpression( '/== External services ==.*api\/connect.*password.*Terms.*Privacy/si', $readme );
	}

	public function test_no_outgoing_call_except_the_connect_handshake() {
		$calls = array();
		foreach ( new RecursiveIteratorIterator( new RecursiveDirectoryIterator( self::plugin_dir(), FilesystemIterator::SKIP_DOTS ) ) as $file ) {
			if ( 'php' === $file->getExtension() && preg_match_all( '/wp_(safe_)?remote_(get|post|request)|curl_init|file_get_contents\(\s*[\'"]http/', file_get_contents( $file ), $m ) ) {
				$calls[ basename( $file ) ] = count( $m[0] );
			}
		}
		$this->assertSame( array( 'class-connector.php' => 1 ), $calls );
	}
}
