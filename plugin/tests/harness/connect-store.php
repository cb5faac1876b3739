<?php
/**
 * Connects a harness site to an ecomdir server the way an owner does: logs in to wp-admin and
 * submits the plugin's settings form (with its nonce). Prints JSON:
 *   {"ok":bool,"store_id":string|null,"error":string|null}
 *
 *   php connect-store.php --url=<site url> --admin-user=admin --admin-password=<pw>
 *       --server-url=<ecomdir url> --email=<owner email> --password=<owner password>
 */

require __DIR__ . '/lib/class-wp-http-client.php';

$o = getopt( '', array( 'url:', 'admin-user:', 'admin-password:', 'server-url:', 'email:', 'password:' ) );
foreach ( array( 'url', 'admin-user', 'admin-password', 'server-url', 'email', 'password' ) as $required ) {
	if ( ! isset( $o[ $required ] ) ) {
		fwrite( STDERR, "connect-store: --$required is required\n" );
		exit( 2 );
	}
}
$client = new Wp_Http_Client( $o['url'] );
$client->login( $o['admin-user'], $o['admin-password'] );
$page = $client->submit_settings_form(
	array(
		'server_url' => $o['server-url'],
		'email'      => $o['email'],
		'password'   => $o['password'],
	)
);
$ok       = false !== strpos( $page['url'], 'ecomdir_result=connected' );
$store_id = preg_match( '~id="ecomdir-connect-connected" data-store-id="([^"]*)"~', $page['body'], $m ) ? html_entity_decode( $m[1] ) : null;
$error    = preg_match( '~id="ecomdir-connect-error"[^>]*><p>(.*?)</p>~s', $page['body'], $e ) ? html_entity_decode( $e[1], ENT_QUOTES ) : null;
echo json_encode(
	array(
		'ok'       => $ok,
		'store_id' => $ok ? $store_id : null,
		'error'    => $error,
	),
	JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE
) . "\n";
exit( $ok ? 0 : 1 );
