<?php
/**
 * HTTP client for tests against a harness site: REST calls with Basic Auth, and a logged-in
 * wp-admin session (cookies) that can submit the plugin's settings form with its nonce, the way
 * an owner does in a browser. Used by the PHPUnit tests and by connect-store.php.
 */
final class Wp_Http_Client {
	/** @var string */
	private $base;
	/** @var string */
	private $cookie_file;

	public function __construct( $base_url ) {
		$this->base        = rtrim( $base_url, '/' );
		$this->cookie_file = tempnam( sys_get_temp_dir(), 'ecomdir-cookies-' );
	}

	public function __destruct() {
		if ( is_file( $this->cookie_file ) ) {
			unlink( $this->cookie_file );
		}
	}

	/**
	 * @param array|null $auth array(user, password) for Basic Auth, or null
	 * @param array|null $json request body, sent as JSON
	 * @return array{status:int,body:string,json:mixed,headers:array}
	 */
	public function rest( $method, $route, $auth = null, $json = null, array $query = array() ) {
		$url  = $this->base . '/wp-json/' . ltrim( $route, '/' ) . ( $query ? '?' . http_build_query( $query ) : '' );
		$opts = array( CURLOPT_CUSTOMREQUEST => $method );
		if ( $auth ) {
			$opts[ CURLOPT_USERPWD ] = $auth[0] . ':' . $auth[1];
		}
		$headers = array( 'Accept: application/json' );
		if ( null !== $json ) {
			$headers[]                  = 'Content-Type: application/json';
			$opts[ CURLOPT_POSTFIELDS ] = json_encode( $json );
		}
		$opts[ CURLOPT_HTTPHEADER ] = $headers;
		return $this->request( $url, $opts, false );
	}

	public function login( $user, $password ) {
		$this->get( '/wp-login.php' ); // Sets WordPress's test cookie.
		$r = $this->post(
			'/wp-login.php',
			array(
				'log'        => $user,
				'pwd'        => $password,
				'wp-submit'  => 'Log In',
				'testcookie' => '1',
			)
		);
		if ( false === strpos( (string) file_get_contents( $this->cookie_file ), 'wordpress_logged_in_' ) ) {
			throw new RuntimeException( "login as $user failed (HTTP {$r['status']})" );
		}
	}

	public function get( $path ) {
		return $this->request( $this->base . $path, array(), true );
	}

	public function post( $path, array $fields ) {
		return $this->request(
			$this->base . $path,
			array(
				CURLOPT_POST       => true,
				CURLOPT_POSTFIELDS => http_build_query( $fields ),
			),
			true
		);
	}

	/** The plugin's settings page. */
	public function settings_page() {
		return $this->get( '/wp-admin/admin.php?page=ecomdir-connect' );
	}

	/**
	 * Submits a form of the settings page (id ecomdir-connect-form or ecomdir-disconnect-form)
	 * with its hidden fields and nonce plus $fields; follows the redirect back to the page.
	 */
	public function submit_settings_form( array $fields, $form_id = 'ecomdir-connect-form' ) {
		$page = $this->settings_page();
		if ( ! preg_match( '~<form[^>]*id="' . preg_quote( $form_id, '~' ) . '"[^>]*>(.*?)</form>~s', $page['body'], $form ) ) {
			throw new RuntimeException( "form $form_id not found on the settings page (HTTP {$page['status']})" );
		}
		$hidden = array();
		preg_match_all( '~<input type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"~', $form[1], $m, PREG_SET_ORDER );
		foreach ( $m as $input ) {
			$hidden[ $input[1] ] = html_entity_decode( $input[2], ENT_QUOTES );
		}
		return $this->post( '/wp-admin/admin-post.php', $fields + $hidden );
	}

	private function request( $url, array $opts, $follow ) {
		$headers = array();
		$ch      = curl_init( $url );
		curl_setopt_array(
			$ch,
			$opts + array(
				CURLOPT_RETURNTRANSFER => true,
				CURLOPT_FOLLOWLOCATION => $follow,
				CURLOPT_COOKIEJAR      => $this->cookie_file,
				CURLOPT_COOKIEFILE     => $this->cookie_file,
				CURLOPT_TIMEOUT        => 60,
				CURLOPT_HEADERFUNCTION => static function ( $ch, $line ) use ( &$headers ) {
					if ( false !== strpos( $line, ':' ) ) {
						list( $k, $v )                      = explode( ':', $line, 2 );
						$headers[ strtolower( trim( $k ) ) ] = trim( $v );
					}
					return strlen( $line );
				},
			)
		);
		$body = curl_exec( $ch );
		if ( false === $body ) {
			throw new RuntimeException( 'HTTP request failed: ' . curl_error( $ch ) );
		}
		$status = (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE );
		$final  = (string) curl_getinfo( $ch, CURLINFO_EFFECTIVE_URL );
		curl_close( $ch );
		return array(
			'status'  => $status,
			'body'    => $body,
			'json'    => json_decode( $body ),
			'headers' => $headers,
			'url'     => $final,
		);
	}
}
