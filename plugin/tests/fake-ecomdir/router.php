<?php
/**
 * A fake ecomdir server for the connect-flow tests (served by `php -S`). It records every request
 * (JSON lines in $FAKE_ECOMDIR_DIR/requests.jsonl) and answers POST /<scenario>/api/connect:
 *   ok                 calls the store back (GET status with the new Application Password) like
 *                      the real server; 200 {store_id, status:"connected"} when the store says 200
 *   unauthorized       401, as for a wrong ecomdir email or password
 *   store-unreachable  calls the store back with a wrong password and answers 422 with the
 *                      store's real answer, as when the store cannot be reached from the server
 */

$dir  = (string) getenv( 'FAKE_ECOMDIR_DIR' );
$path = (string) parse_url( $_SERVER['REQUEST_URI'], PHP_URL_PATH );
$raw  = (string) file_get_contents( 'php://input' );
file_put_contents(
	$dir . '/requests.jsonl',
	json_encode(
		array(
			'method'       => $_SERVER['REQUEST_METHOD'],
			'path'         => $path,
			'content_type' => $_SERVER['CONTENT_TYPE'] ?? '',
			'body'         => $raw,
		)
	) . "\n",
	FILE_APPEND | LOCK_EX
);

function fake_answer( $status, array $body ) {
	http_response_code( $status );
	header( 'Content-Type: application/json' );
	echo json_encode( $body );
	exit;
}

function fake_call_store( $store_url, $user, $password ) {
	$ch = curl_init( rtrim( $store_url, '/' ) . '/wp-json/ecomdir/v1/status' );
	curl_setopt_array(
		$ch,
		array(
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_USERPWD        => $user . ':' . $password,
			CURLOPT_TIMEOUT        => 20,
		)
	);
	$body   = (string) curl_exec( $ch );
	$status = (int) curl_getinfo( $ch, CURLINFO_RESPONSE_CODE );
	curl_close( $ch );
	return array( $status, $body );
}

if ( ! preg_match( '~^/([a-z-]+)/api/connect(\.php)?$~', $path, $m ) || 'POST' !== $_SERVER['REQUEST_METHOD'] ) {
	fake_answer( 404, array( 'error' => array( 'code' => 'not_found', 'message' => 'Not found' ) ) );
}
$req = json_decode( $raw, true );
switch ( $m[1] ) {
	case 'ok':
		list( $status, $body ) = fake_call_store( $req['store_url'], $req['app_user'], $req['app_password'] );
		if ( 200 !== $status ) {
			fake_answer( 422, array( 'error' => array( 'code' => 'store_unreachable', 'message' => 'The store did not accept the credentials.', 'store_status' => $status, 'store_answer' => $body ) ) );
		}
		fake_answer( 200, array( 'store_id' => 'st_test_42', 'status' => 'connected' ) );
		break;
	case 'unauthorized':
		fake_answer( 401, array( 'error' => array( 'code' => 'invalid_credentials', 'message' => 'Wrong email or password.' ) ) );
		break;
	case 'store-unreachable':
		list( $status, $body ) = fake_call_store( $req['store_url'], $req['app_user'], 'wrong-' . $req['app_password'] );
		fake_answer( 422, array( 'error' => array( 'code' => 'store_unreachable', 'message' => 'ecomdir could not call the store back.', 'store_status' => $status, 'store_answer' => $body ) ) );
		break;
}
fake_answer( 404, array( 'error' => array( 'code' => 'not_found', 'message' => 'Unknown scenario' ) ) );
