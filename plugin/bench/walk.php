<?php
/**
 * Walks a store's order lists over HTTP with one Application Password and times every page.
 *   php walk.php <site url> <user> <app password> feed <limit> [max pages]
 *   php walk.php <site url> <user> <app password> wc-v3 <per_page>
 * Prints JSON {orders, pages, seconds, page_ms: [...], ids_unique}.
 */

list( , $url, $user, $password, $kind, $limit ) = $argv;
$max_pages = isset( $argv[6] ) ? (int) $argv[6] : PHP_INT_MAX;
$ch = curl_init();
curl_setopt_array(
	$ch,
	array(
		CURLOPT_RETURNTRANSFER => true,
		CURLOPT_USERPWD        => $user . ':' . $password,
		CURLOPT_TIMEOUT        => 120,
		CURLOPT_HTTPHEADER     => array( 'Accept: application/json' ),
	)
);
$get = static function ( $path, array $query ) use ( $ch, $url ) {
	curl_setopt( $ch, CURLOPT_URL, rtrim( $url, '/' ) . $path . '?' . http_build_query( $query ) );
	$t      = microtime( true );
	$body   = curl_exec( $ch );
	$ms     = ( microtime( true ) - $t ) * 1000;
	$status = curl_getinfo( $ch, CURLINFO_RESPONSE_CODE );
	if ( 200 !== $status ) {
		fwrite( STDERR, "HTTP $status for $path: " . substr( (string) $body, 0, 300 ) . "\n" );
		exit( 1 );
	}
	return array( json_decode( (string) $body ), $ms );
};

$ids    = array();
$times  = array();
$start  = microtime( true );
if ( 'feed' === $kind ) {
	$cursor = array();
	do {
		list( $page, $ms ) = $get( '/wp-json/ecomdir/v1/orders', $cursor + array( 'limit' => (int) $limit ) );
		$times[] = $ms;
		foreach ( $page->orders as $o ) {
			$ids[] = $o->id;
		}
		$cursor = $page->next_cursor ? (array) $page->next_cursor : null;
	} while ( $cursor && count( $times ) < $max_pages );
} else {
	for ( $n = 1; ; $n++ ) {
		list( $page, $ms ) = $get( '/wp-json/wc/v3/orders', array( 'per_page' => (int) $limit, 'page' => $n, 'orderby' => 'id', 'order' => 'asc' ) );
		$times[] = $ms;
		foreach ( $page as $o ) {
			$ids[] = $o->id;
		}
		if ( count( $page ) < (int) $limit || count( $times ) >= $max_pages ) {
			break;
		}
	}
}
echo json_encode(
	array(
		'orders'     => count( $ids ),
		'ids_unique' => count( array_unique( $ids ) ),
		'pages'      => count( $times ),
		'seconds'    => round( microtime( true ) - $start, 3 ),
		'page_ms'    => array_map(
			static function ( $x ) {
				return round( $x, 1 );
			},
			$times
		),
	)
) . "\n";
