<?php
/**
 * Shared helpers for the plugin tests: the site, HTTP clients, the API credential, the schema.
 */
final class Test_Env {
	/** @var array the harness site (url, dir, db, admin_user, admin_password, mode) */
	public static $site;
	/** @var array|null */
	private static $api_auth = null;

	public static function url() {
		return self::$site['url'];
	}

	public static function is_hpos() {
		return Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled();
	}

	public static function client() {
		return new Wp_Http_Client( self::url() );
	}

	public static function admin_client() {
		$client = self::client();
		$client->login( self::$site['admin_user'], self::$site['admin_password'] );
		return $client;
	}

	/** The `ecomdir` user and an Application Password for it, made the way the plugin makes them. */
	public static function api_auth() {
		if ( null === self::$api_auth ) {
			$user = Ecomdir_Connect_Api_User::ensure_user();
			$app  = Ecomdir_Connect_Api_User::create_password( $user );
			self::$api_auth = array( $user->user_login, $app['password'] );
		}
		return self::$api_auth;
	}

	public static function settings( array $changes ) {
		wp_cache_flush();
		Ecomdir_Connect_Settings::update( $changes );
	}

	/** Forgets in-process caches, to read what the HTTP server wrote. */
	public static function fresh_order( $id ) {
		wp_cache_flush();
		return wc_get_order( $id );
	}

	public static function schema() {
		return Json_Schema_Validator::from_file( dirname( __DIR__, 3 ) . '/docs/schemas/unified-order.schema.json' );
	}

	public static function admin_id() {
		return (int) get_user_by( 'login', self::$site['admin_user'] )->ID;
	}

	/** A free TCP port on 127.0.0.1. */
	public static function free_port() {
		$s    = stream_socket_server( 'tcp://127.0.0.1:0' );
		$name = stream_socket_get_name( $s, false );
		fclose( $s );
		return (int) substr( strrchr( $name, ':' ), 1 );
	}

	/**
	 * Starts `php -S` on a free port in its own process group; returns array(url, pid). The pid is
	 * also written to $ECOMDIR_TEST_WORK so bin/test.sh can stop it if the tests die.
	 */
	public static function start_server( $router, array $env = array() ) {
		$port = self::free_port();
		// The log goes to the run's work folder, which bin/test.sh removes.
		$log  = getenv( 'ECOMDIR_TEST_WORK' ) ? getenv( 'ECOMDIR_TEST_WORK' ) . "/server-$port.log" : '/dev/null';
		$cmd  = 'exec setsid php -S 127.0.0.1:' . $port . ' ' . escapeshellarg( $router ) . ' >' . escapeshellarg( $log ) . ' 2>&1 </dev/null';
		$proc = proc_open( $cmd, array(), $pipes, dirname( $router ), $env + getenv() );
		$pid  = proc_get_status( $proc )['pid'];
		if ( getenv( 'ECOMDIR_TEST_WORK' ) ) {
			file_put_contents( getenv( 'ECOMDIR_TEST_WORK' ) . "/server-$pid.pid", $pid );
		}
		for ( $i = 0; $i < 50; $i++ ) {
			$c = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.1 );
			if ( $c ) {
				fclose( $c );
				break;
			}
			usleep( 100000 );
		}
		return array( 'http://127.0.0.1:' . $port, $pid );
	}

	public static function stop_server( $pid ) {
		posix_kill( -$pid, SIGTERM ) || posix_kill( $pid, SIGTERM );
		if ( getenv( 'ECOMDIR_TEST_WORK' ) ) {
			@unlink( getenv( 'ECOMDIR_TEST_WORK' ) . "/server-$pid.pid" );
		}
	}

	/** Every text value of every table of the site's database, searched for $needle. */
	public static function tables_containing( $needle ) {
		global $wpdb;
		$found = array();
		foreach ( $wpdb->get_col( 'SHOW TABLES' ) as $table ) {
			$cols = $wpdb->get_col( "SHOW COLUMNS FROM `$table`" );
			$like = '%' . $wpdb->esc_like( $needle ) . '%';
			$conds = array();
			foreach ( $cols as $col ) {
				$conds[] = $wpdb->prepare( "CAST(`$col` AS CHAR) LIKE %s", $like );
			}
			if ( (int) $wpdb->get_var( "SELECT COUNT(*) FROM `$table` WHERE " . implode( ' OR ', $conds ) ) > 0 ) {
				$found[] = $table;
			}
		}
		return $found;
	}
}
