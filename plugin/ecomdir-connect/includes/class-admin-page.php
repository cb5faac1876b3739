<?php
/**
 * Settings page (WooCommerce > ecomdir Connect): Save & connect, Disconnect.
 * Form posts go to admin-post.php, each checked with a nonce and manage_woocommerce.
 * The owner's ecomdir password only travels in the connect request; it is never saved.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Admin_Page {
	const SLUG              = 'ecomdir-connect';
	const SAVE_ACTION       = 'ecomdir_connect_save';
	const DISCONNECT_ACTION = 'ecomdir_connect_disconnect';
	const CAPABILITY        = 'manage_woocommerce';

	public static function register_menu() {
		add_submenu_page( 'woocommerce', __( 'ecomdir Connect', 'ecomdir-connect' ), __( 'ecomdir Connect', 'ecomdir-connect' ), self::CAPABILITY, self::SLUG, array( __CLASS__, 'render' ) );
	}

	public static function url( array $args = array() ) {
		return add_query_arg( $args, admin_url( 'admin.php?page=' . self::SLUG ) );
	}

	public static function render() {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			return;
		}
		if ( Ecomdir_Connect_Settings::get( 'show_connect_notice' ) ) {
			// The activation notice led here: it has done its job.
			Ecomdir_Connect_Settings::update( array( 'show_connect_notice' => false ) );
		}
		$s       = Ecomdir_Connect_Settings::all();
		$problem = Ecomdir_Connect_Api_User::availability_problem();
		echo '<div class="wrap"><h1>' . esc_html__( 'ecomdir Connect', 'ecomdir-connect' ) . '</h1>';
		self::render_status( $s, $problem );
		include __DIR__ . '/views/settings-form.php';
		echo '</div>';
	}

	private static function render_status( array $s, $problem ) {
		$result = isset( $_GET['ecomdir_result'] ) ? sanitize_key( wp_unslash( $_GET['ecomdir_result'] ) ) : ''; // phpcs:ignore WordPress.Security.NonceVerification -- display only.
		if ( 'saved' === $result ) {
			self::notice( 'success', __( 'Settings saved.', 'ecomdir-connect' ) );
		} elseif ( 'disconnected' === $result ) {
			self::notice( 'success', __( 'Disconnected. The ecomdir Application Password was revoked.', 'ecomdir-connect' ) );
		}
		if ( 'failed' === $result && '' !== $s['last_error'] ) {
			/* translators: %s: reason */
			self::notice( 'error', sprintf( __( 'Connection failed: %s', 'ecomdir-connect' ), $s['last_error'] ), 'ecomdir-connect-error' );
		}
		if ( $problem ) {
			self::notice( 'warning', $problem, 'ecomdir-connect-unavailable' );
		}
		if ( Ecomdir_Connect_Settings::is_connected() ) {
			/* translators: 1: store id in ecomdir, 2: date and time of the connection */
			$text = sprintf( __( 'Connected to ecomdir. Store ID: %1$s, connected on %2$s.', 'ecomdir-connect' ), $s['store_id'], wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $s['connected_at'] ) );
			self::notice( 'connected' === $result ? 'success' : 'info', $text, 'ecomdir-connect-connected', $s['store_id'] );
		} elseif ( (int) $s['disconnected_at'] > 0 ) {
			/* translators: %s: date and time of the disconnection */
			$text = sprintf( __( 'Disconnected from ecomdir on %s. ecomdir can no longer read or update this store\'s orders; connect again below.', 'ecomdir-connect' ), wp_date( get_option( 'date_format' ) . ' ' . get_option( 'time_format' ), (int) $s['disconnected_at'] ) );
			self::notice( 'warning', $text, 'ecomdir-connect-disconnected' );
		} else {
			self::notice( 'info', __( 'This store is not connected to ecomdir yet.', 'ecomdir-connect' ), 'ecomdir-connect-not-connected' );
		}
	}

	/** $store_id is repeated as an attribute so tools (the e2e tests) need not parse translated text. */
	private static function notice( $type, $text, $id = '', $store_id = '' ) {
		printf( '<div class="notice notice-%1$s inline" id="%2$s" data-store-id="%3$s"><p>%4$s</p></div>', esc_attr( $type ), esc_attr( $id ), esc_attr( $store_id ), esc_html( $text ) );
	}

	private static function guard( $action ) {
		if ( ! current_user_can( self::CAPABILITY ) ) {
			wp_die( esc_html__( 'Sorry, you are not allowed to manage this store.', 'ecomdir-connect' ), 403 );
		}
		check_admin_referer( $action );
	}

	public static function handle_save() {
		self::guard( self::SAVE_ACTION );
		// phpcs:disable WordPress.Security.NonceVerification.Missing -- checked in guard().
		$server_url = isset( $_POST['server_url'] ) ? esc_url_raw( trim( wp_unslash( $_POST['server_url'] ) ), array( 'http', 'https' ) ) : '';
		$email      = isset( $_POST['email'] ) ? sanitize_email( wp_unslash( $_POST['email'] ) ) : '';
		// A password is sent as typed (any character may be part of it) and never stored.
		$password = isset( $_POST['password'] ) ? (string) wp_unslash( $_POST['password'] ) : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized
		$days     = isset( $_POST['first_sync_days'] ) ? absint( $_POST['first_sync_days'] ) : 0;
		Ecomdir_Connect_Settings::update(
			array(
				'server_url'           => $server_url,
				'first_sync_days'      => in_array( $days, Ecomdir_Connect_Settings::FIRST_SYNC_DAYS, true ) ? $days : Ecomdir_Connect_Settings::get( 'first_sync_days' ),
				'owner_override'       => ! empty( $_POST['owner_override'] ),
				'complete_on_shipment' => ! empty( $_POST['complete_on_shipment'] ),
			)
		);
		// phpcs:enable
		if ( '' === $email || '' === $password ) {
			self::redirect( 'saved' );
		}
		$error = '' === $server_url ? __( 'Enter the address of your ecomdir server.', 'ecomdir-connect' ) : self::connect( $server_url, $email, $password );
		if ( '' !== $error ) {
			Ecomdir_Connect_Settings::update( array( 'last_error' => $error ) );
			self::redirect( 'failed' );
		}
		self::redirect( 'connected' );
	}

	/**
	 * Creates a fresh Application Password and hands it to ecomdir. The previous one is revoked
	 * only after ecomdir accepted the new one, so a typo never breaks a working connection.
	 *
	 * @return string '' on success, else the reason for the owner.
	 */
	private static function connect( $server_url, $email, $password ) {
		$user = Ecomdir_Connect_Api_User::ensure_user();
		if ( is_wp_error( $user ) ) {
			return $user->get_error_message();
		}
		$problem = Ecomdir_Connect_Api_User::availability_problem( $user );
		if ( $problem ) {
			return $problem;
		}
		$app = Ecomdir_Connect_Api_User::create_password( $user );
		if ( is_wp_error( $app ) ) {
			return $app->get_error_message();
		}
		$result = Ecomdir_Connect_Connector::connect(
			$server_url,
			array(
				'email'           => $email,
				'password'        => $password,
				'app_user'        => $user->user_login,
				'app_password'    => $app['password'],
				// How far back ecomdir's first sync reads (ecomdir applies it until that sync ran).
				'first_sync_days' => (int) Ecomdir_Connect_Settings::get( 'first_sync_days' ),
			)
		);
		if ( ! $result['ok'] ) {
			Ecomdir_Connect_Api_User::delete_password( $app['uuid'] );
			return $result['message'];
		}
		$previous = Ecomdir_Connect_Settings::get( 'app_password_uuid' );
		if ( $previous && $previous !== $app['uuid'] ) {
			Ecomdir_Connect_Api_User::delete_password( $previous );
		}
		Ecomdir_Connect_Settings::update(
			array(
				'store_id'          => $result['store_id'],
				'connected_at'      => time(),
				'app_password_uuid' => $app['uuid'],
				'last_error'        => '',
				'disconnected_at'   => 0,
			)
		);
		return '';
	}

	public static function handle_disconnect() {
		self::guard( self::DISCONNECT_ACTION );
		Ecomdir_Connect_Api_User::delete_password( Ecomdir_Connect_Settings::get( 'app_password_uuid' ) );
		Ecomdir_Connect_Settings::update(
			array(
				'store_id'          => '',
				'connected_at'      => 0,
				'app_password_uuid' => '',
				'disconnected_at'   => time(),
			)
		);
		self::redirect( 'disconnected' );
	}

	private static function redirect( $result ) {
		wp_safe_redirect( self::url( array( 'ecomdir_result' => $result ) ) );
		exit;
	}
}
