<?php
use PHPUnit\Framework\TestCase;

/**
 * English sources, a complete Romanian translation, and the strings shown in Romanian under ro_RO.
 *
 * @group once
 */
final class TranslationTest extends TestCase {
	private function lang( $file ) {
		return dirname( __DIR__, 2 ) . '/ecomdir-connect/languages/' . $file;
	}

	private static function sh( $cmd, &$exit = null ) {
		exec( $cmd . ' 2>&1', $out, $exit );
		return implode( "\n", $out );
	}

	public function test_po_is_complete_and_the_mo_is_built_from_it() {
		$stats = self::sh( 'msgfmt --check --statistics -o ' . escapeshellarg( sys_get_temp_dir() . '/ecomdir-test.mo' ) . ' ' . escapeshellarg( $this->lang( 'ecomdir-connect-ro_RO.po' ) ), $exit );
		$this->assertSame( 0, $exit, $stats );
		$this->assertMatchesRegularExpression( '/^\d+ translated messages\.$/m', $stats );
		$this->assertStringNotContainsString( 'untranslated', $stats );
		$this->assertStringNotContainsString( 'fuzzy', $stats );
		self::sh( 'msgcmp ' . escapeshellarg( $this->lang( 'ecomdir-connect-ro_RO.po' ) ) . ' ' . escapeshellarg( $this->lang( 'ecomdir-connect.pot' ) ), $exit );
		$this->assertSame( 0, $exit, 'every .pot string is in the .po' );
		$this->assertFileEquals( sys_get_temp_dir() . '/ecomdir-test.mo', $this->lang( 'ecomdir-connect-ro_RO.mo' ), 'the committed .mo matches the .po (run plugin/bin/make-pot.sh)' );
		unlink( sys_get_temp_dir() . '/ecomdir-test.mo' );
	}

	public function test_pot_holds_every_string_of_the_sources() {
		$src = dirname( __DIR__, 2 ) . '/ecomdir-connect';
		$pot = self::sh( 'cd ' . escapeshellarg( $src ) . ' && find . -name "*.php" | xgettext --language=PHP --from-code=UTF-8 --files-from=- --keyword=__ --keyword=_e --keyword=esc_html__ --keyword=esc_html_e --keyword=esc_attr__ --keyword=esc_attr_e --keyword=_n:1,2 --no-wrap --omit-header -o -' );
		preg_match_all( '/^msgid "(.+)"$/m', $pot, $fresh );
		preg_match_all( '/^msgid "(.+)"$/m', (string) file_get_contents( $this->lang( 'ecomdir-connect.pot' ) ), $committed );
		sort( $fresh[1] );
		sort( $committed[1] );
		$this->assertSame( $fresh[1], $committed[1], 'the .pot is up to date (run plugin/bin/make-pot.sh)' );
	}

	public function test_plugin_strings_in_romanian_under_ro_RO() {
		$ro = static function () {
			return 'ro_RO';
		};
		// WordPress >= 6.5 translates for the current locale of its translation controller, so
		// the locale itself is switched (WordPress has no ro_RO core pack here for switch_to_locale()).
		add_filter( 'plugin_locale', $ro );
		add_filter( 'determine_locale', $ro );
		WP_Translation_Controller::get_instance()->set_locale( 'ro_RO' );
		unload_textdomain( 'ecomdir-connect' );
		Ecomdir_Connect_Plugin::load_textdomain();
		$packer  = __( 'Packer', 'ecomdir-connect' );
		$shipped = sprintf( __( 'Your order has been shipped with %1$s. AWB: %2$s. Track it here: %3$s', 'ecomdir-connect' ), 'Sameday', '1', 'https://x.ro' );
		remove_filter( 'plugin_locale', $ro );
		remove_filter( 'determine_locale', $ro );
		WP_Translation_Controller::get_instance()->set_locale( determine_locale() );
		unload_textdomain( 'ecomdir-connect' );
		Ecomdir_Connect_Plugin::load_textdomain();
		$this->assertSame( 'Împachetator', $packer );
		$this->assertSame( 'Comanda ta a fost expediată prin Sameday. AWB: 1. O poți urmări aici: https://x.ro', $shipped );
		$this->assertSame( 'Packer', __( 'Packer', 'ecomdir-connect' ), 'English again' );
	}

	public function test_settings_page_in_romanian_for_a_romanian_admin() {
		$admin = Test_Env::admin_id();
		update_user_meta( $admin, 'locale', 'ro_RO' );
		try {
			$page = Test_Env::admin_client()->settings_page();
		} finally {
			delete_user_meta( $admin, 'locale' );
		}
		$this->assertSame( 200, $page['status'] );
		$this->assertStringContainsString( 'Salvează și conectează', $page['body'] );
		$this->assertStringContainsString( 'Adresa serverului ecomdir', $page['body'] );
	}
}
