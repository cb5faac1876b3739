<?php
/**
 * The connect handshake with the ecomdir server (docs/connector-api.md, "Connect").
 * The only outgoing call the plugin makes, and only when the owner presses Save & connect.
 * The request body holds the owner's password: it is never logged or stored.
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

final class Ecomdir_Connect_Connector {
	/**
	 * @param array $body {email, password, app_user, app_password}; the rest is added here.
	 * @return array{ok:bool,store_id?:string,message:string}
	 */
	public static function connect( $server_url, array $body ) {
		$body['store_url']      = home_url();
		$body['platform']       = 'woocommerce';
		$body['plugin_version'] = ECOMDIR_CONNECT_VERSION;
		// Not the "safe" remote post: a self-hosted ecomdir often lives on a private address,
		// and the URL is typed by the shop owner.
		$response = wp_remote_post(
			untrailingslashit( $server_url ) . '/api/connect',
			array(
				'timeout'     => 30,
				'redirection' => 0,
				'headers'     => array(
					'Content-Type' => 'application/json',
					'Accept'       => 'application/json',
				),
				'body'        => wp_json_encode( $body ),
			)
		);
		if ( is_wp_error( $response ) ) {
			return self::failure(
				/* translators: 1: ecomdir server URL, 2: technical error */
				sprintf( __( 'The ecomdir server at %1$s could not be reached: %2$s', 'ecomdir-connect' ), $server_url, $response->get_error_message() )
			);
		}
		$code = (int) wp_remote_retrieve_response_code( $response );
		$json = json_decode( wp_remote_retrieve_body( $response ), true );
		$json = is_array( $json ) ? $json : array();
		if ( $code >= 200 && $code < 300 && 'connected' === ( $json['status'] ?? '' ) && '' !== (string) ( $json['store_id'] ?? '' ) ) {
			return array(
				'ok'       => true,
				'store_id' => sanitize_text_field( (string) $json['store_id'] ),
				'message'  => '',
			);
		}
		if ( 401 === $code || 403 === $code ) {
			return self::failure( __( 'ecomdir did not accept this email and password. Check them and try again.', 'ecomdir-connect' ) );
		}
		if ( 422 === $code ) {
			$error  = is_array( $json['error'] ?? null ) ? $json['error'] : array();
			$answer = isset( $error['store_answer'] ) ? (string) $error['store_answer'] : '';
			return self::failure(
				/* translators: 1: HTTP status the store answered, 2: the store's answer */
				sprintf( __( 'The ecomdir server could not reach this store (HTTP %1$s). The store answered: %2$s', 'ecomdir-connect' ), isset( $error['store_status'] ) ? (int) $error['store_status'] : '-', '' !== $answer ? mb_substr( $answer, 0, 500 ) : (string) ( $error['message'] ?? '' ) )
			);
		}
		return self::failure(
			/* translators: %d: HTTP status code */
			sprintf( __( 'Unexpected answer from the ecomdir server (HTTP %d). Check the server address.', 'ecomdir-connect' ), $code )
		);
	}

	private static function failure( $message ) {
		return array(
			'ok'      => false,
			'message' => $message,
		);
	}
}
