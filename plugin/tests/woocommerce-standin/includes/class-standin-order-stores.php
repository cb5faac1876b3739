<?php
/**
 * TEST STAND-IN storage for orders, in WooCommerce's two modes (see woocommerce.php).
 * Not WooCommerce code: WooCommerce's data stores are far richer; these keep only what the
 * public API above needs, with the same modification-time behaviour per mode.
 */

defined( 'ABSPATH' ) || exit;

interface Standin_Order_Store {
	/** @return array{props:array,items:array,meta:array}|null */
	public function read( $id );

	/** Inserts a new order and returns its id. */
	public function create( WC_Order $order );

	/** Persists changes; decides, like the real data store of the mode, whether the modification time moves. */
	public function update( WC_Order $order );

	/** @return int|null UNIX time of the stored modification time. */
	public function read_date_modified( $id );

	/**
	 * Runs a normalized query (see standin_wc_normalize_query()).
	 * @return array{ids:int[],total:int}
	 */
	public function query( array $q );

	/** Fast path for test data: inserts many orders at once. @param array[] $records standin_data() shapes. @return int[] ids */
	public function insert_many( array $records );
}

final class Standin_Order_Stores {
	public static function current() {
		static $stores = array();
		$mode = Automattic\WooCommerce\Utilities\OrderUtil::custom_orders_table_usage_is_enabled() ? 'hpos' : 'posts';
		if ( ! isset( $stores[ $mode ] ) ) {
			$stores[ $mode ] = 'hpos' === $mode ? new Standin_HPOS_Store() : new Standin_Posts_Store();
		}
		return $stores[ $mode ];
	}

	/** Activation: creates the HPOS tables (WooCommerce creates them in both modes). */
	public static function install() {
		global $wpdb;
		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$charset = $wpdb->get_charset_collate();
		dbDelta(
			"CREATE TABLE {$wpdb->prefix}wc_orders (
				id bigint(20) unsigned NOT NULL auto_increment,
				status varchar(20) NOT NULL,
				type varchar(20) NOT NULL,
				currency varchar(10) NOT NULL,
				total_amount decimal(26,8) NOT NULL,
				date_created_gmt datetime NOT NULL,
				date_updated_gmt datetime NOT NULL,
				parent_order_id bigint(20) unsigned NOT NULL default 0,
				customer_note text NOT NULL,
				standin_data longtext NOT NULL,
				PRIMARY KEY  (id),
				KEY type_status_updated (type,status,date_updated_gmt),
				KEY updated_id (date_updated_gmt,id)
			) $charset;
			CREATE TABLE {$wpdb->prefix}wc_orders_meta (
				id bigint(20) unsigned NOT NULL auto_increment,
				order_id bigint(20) unsigned NOT NULL,
				meta_key varchar(255) NOT NULL,
				meta_value longtext,
				PRIMARY KEY  (id),
				KEY order_id (order_id),
				KEY meta_key (meta_key(100))
			) $charset;"
		);
		// WooCommerce gives administrators these capabilities on install.
		$admin = get_role( 'administrator' );
		foreach ( array( 'manage_woocommerce', 'view_woocommerce_reports' ) as $cap ) {
			$admin->add_cap( $cap );
		}
		foreach ( array( 'edit_', 'read_', 'delete_' ) as $verb ) {
			$admin->add_cap( $verb . 'shop_order' );
		}
		foreach ( array( 'edit_', 'edit_others_', 'publish_', 'read_private_', 'delete_', 'delete_private_', 'delete_published_', 'delete_others_', 'edit_private_', 'edit_published_' ) as $verb ) {
			$admin->add_cap( $verb . 'shop_orders' );
		}
		add_option( 'woocommerce_custom_orders_table_enabled', 'yes' );
		add_option( 'woocommerce_currency', 'RON' );
		add_option( 'woocommerce_weight_unit', 'kg' );
		add_option( 'woocommerce_price_num_decimals', '2' );
	}

	public static function gmt( $ts ) {
		return gmdate( 'Y-m-d H:i:s', (int) $ts );
	}

	public static function ts( $gmt ) {
		return strtotime( $gmt . ' UTC' );
	}

	/** Shared SQL for both modes; $c maps logical columns to the mode's table and columns. */
	public static function run_query( array $q, array $c ) {
		global $wpdb;
		$where = array( $wpdb->prepare( "{$c['type']} = %s", $q['type'] ) );
		if ( $q['status'] ) {
			$where[] = "{$c['status']} IN ('" . implode( "','", array_map( 'esc_sql', $q['status'] ) ) . "')";
		}
		foreach ( $q['date_modified'] as $cond ) {
			$where[] = $wpdb->prepare( "{$c['modified']} {$cond[0]} %s", self::gmt( $cond[1] ) );
		}
		if ( $q['exclude'] ) {
			$where[] = "{$c['id']} NOT IN (" . implode( ',', array_map( 'intval', $q['exclude'] ) ) . ')';
		}
		$order = array();
		foreach ( $q['orderby'] as $key => $dir ) {
			$order[] = $c[ $key ] . ' ' . $dir;
		}
		$sql = "FROM {$c['table']} WHERE " . implode( ' AND ', $where );
		$ids = $wpdb->get_col(
			"SELECT {$c['id']} $sql" . ( $order ? ' ORDER BY ' . implode( ', ', $order ) : '' )
			. ( $q['limit'] > 0 ? $wpdb->prepare( ' LIMIT %d, %d', $q['offset'], $q['limit'] ) : '' )
		);
		$total = $q['paginate'] ? (int) $wpdb->get_var( "SELECT COUNT(*) $sql" ) : count( $ids );
		return array(
			'ids'   => array_map( 'intval', $ids ),
			'total' => $total,
		);
	}
}

/** HPOS mode: own tables; every save moves the modification time. */
final class Standin_HPOS_Store implements Standin_Order_Store {
	private function columns() {
		global $wpdb;
		return array(
			'table'    => "{$wpdb->prefix}wc_orders",
			'id'       => 'id',
			'type'     => 'type',
			'status'   => 'status',
			'modified' => 'date_updated_gmt',
			'created'  => 'date_created_gmt',
		);
	}

	public function read( $id ) {
		global $wpdb;
		$row = $wpdb->get_row( $wpdb->prepare( "SELECT * FROM {$wpdb->prefix}wc_orders WHERE id = %d AND type = 'shop_order'", $id ), ARRAY_A );
		if ( ! $row ) {
			return null;
		}
		$meta = array();
		foreach ( $wpdb->get_results( $wpdb->prepare( "SELECT meta_key, meta_value FROM {$wpdb->prefix}wc_orders_meta WHERE order_id = %d ORDER BY id", $id ) ) as $m ) {
			$meta[ $m->meta_key ] = maybe_unserialize( $m->meta_value );
		}
		$data                           = json_decode( $row['standin_data'], true );
		$data['props']['status']        = substr( $row['status'], 3 );
		$data['props']['date_created']  = Standin_Order_Stores::ts( $row['date_created_gmt'] );
		$data['props']['date_modified'] = Standin_Order_Stores::ts( $row['date_updated_gmt'] );
		$data['props']['customer_note'] = $row['customer_note'];
		$data['props']['parent_id']     = (int) $row['parent_order_id'];
		$data['meta']                   = $meta;
		return $data;
	}

	private function row( array $data, $modified ) {
		$p = $data['props'];
		return array(
			'status'           => 'wc-' . $p['status'],
			'type'             => 'shop_order',
			'currency'         => $p['currency'],
			'total_amount'     => $p['total'],
			'date_created_gmt' => Standin_Order_Stores::gmt( $p['date_created'] ),
			'date_updated_gmt' => Standin_Order_Stores::gmt( $modified ),
			'parent_order_id'  => (int) $p['parent_id'],
			'customer_note'    => (string) $p['customer_note'],
			'standin_data'     => wp_json_encode(
				array(
					'props' => $p,
					'items' => $data['items'],
				)
			),
		);
	}

	public function create( WC_Order $order ) {
		global $wpdb;
		$data = $order->standin_data();
		$wpdb->insert( "{$wpdb->prefix}wc_orders", $this->row( $data, $data['props']['date_modified'] ?? time() ) );
		$id = (int) $wpdb->insert_id;
		foreach ( $data['meta'] as $key => $value ) {
			$wpdb->insert( "{$wpdb->prefix}wc_orders_meta", array( 'order_id' => $id, 'meta_key' => $key, 'meta_value' => maybe_serialize( $value ) ) ); // phpcs:ignore
		}
		return $id;
	}

	public function update( WC_Order $order ) {
		global $wpdb;
		$data     = $order->standin_data();
		$changes  = $order->get_changes();
		$modified = array_key_exists( 'date_modified', $changes ) && $changes['date_modified'] ? $changes['date_modified'] : time();
		$wpdb->update( "{$wpdb->prefix}wc_orders", $this->row( $data, $modified ), array( 'id' => $order->get_id() ) );
		foreach ( $order->standin_meta_changes() as $key => $op ) {
			$wpdb->delete( "{$wpdb->prefix}wc_orders_meta", array( 'order_id' => $order->get_id(), 'meta_key' => $key ) ); // phpcs:ignore
			if ( 'set' === $op ) {
				$wpdb->insert( "{$wpdb->prefix}wc_orders_meta", array( 'order_id' => $order->get_id(), 'meta_key' => $key, 'meta_value' => maybe_serialize( $data['meta'][ $key ] ) ) ); // phpcs:ignore
			}
		}
	}

	public function read_date_modified( $id ) {
		global $wpdb;
		$gmt = $wpdb->get_var( $wpdb->prepare( "SELECT date_updated_gmt FROM {$wpdb->prefix}wc_orders WHERE id = %d", $id ) );
		return $gmt ? Standin_Order_Stores::ts( $gmt ) : null;
	}

	public function query( array $q ) {
		return Standin_Order_Stores::run_query( $q, $this->columns() );
	}

	public function insert_many( array $records ) {
		global $wpdb;
		$ids = array();
		foreach ( array_chunk( $records, 200 ) as $chunk ) {
			$values = array();
			foreach ( $chunk as $r ) {
				$row      = $this->row( $r, $r['props']['date_modified'] );
				$values[] = $wpdb->prepare( '(%s,%s,%s,%s,%s,%s,%d,%s,%s)', array_values( $row ) );
			}
			$wpdb->query( "INSERT INTO {$wpdb->prefix}wc_orders (status,type,currency,total_amount,date_created_gmt,date_updated_gmt,parent_order_id,customer_note,standin_data) VALUES " . implode( ',', $values ) );
			// A multi-row INSERT gets consecutive ids starting at insert_id (InnoDB default lock mode).
			$first = (int) $wpdb->insert_id;
			$ids   = array_merge( $ids, range( $first, $first + count( $chunk ) - 1 ) );
		}
		return $ids;
	}
}

/**
 * Legacy mode: posts of type shop_order + postmeta. Like WooCommerce's posts data store, the post
 * row (and so post_modified) is written only when a prop kept in the row changes.
 */
final class Standin_Posts_Store implements Standin_Order_Store {
	const DATA_KEY = '_standin_order_data';

	private function columns() {
		global $wpdb;
		return array(
			'table'    => $wpdb->posts,
			'id'       => 'ID',
			'type'     => 'post_type',
			'status'   => 'post_status',
			'modified' => 'post_modified_gmt',
			'created'  => 'post_date_gmt',
		);
	}

	public function read( $id ) {
		$post = get_post( $id );
		if ( ! $post || 'shop_order' !== $post->post_type ) {
			return null;
		}
		$meta = array();
		foreach ( get_post_meta( $id ) as $key => $values ) {
			if ( self::DATA_KEY !== $key ) {
				$meta[ $key ] = maybe_unserialize( $values[0] );
			}
		}
		$data                           = json_decode( (string) get_post_meta( $id, self::DATA_KEY, true ), true );
		$data['props']['status']        = substr( $post->post_status, 3 );
		$data['props']['date_created']  = Standin_Order_Stores::ts( $post->post_date_gmt );
		$data['props']['date_modified'] = Standin_Order_Stores::ts( $post->post_modified_gmt );
		$data['props']['customer_note'] = $post->post_excerpt;
		$data['props']['parent_id']     = (int) $post->post_parent;
		$data['meta']                   = $meta;
		return $data;
	}

	private function post_row( array $p, $modified ) {
		return array(
			'post_type'         => 'shop_order',
			'post_status'       => 'wc-' . $p['status'],
			'post_title'        => 'Order &ndash; ' . gmdate( 'F j, Y @ h:i A', $p['date_created'] ),
			'post_excerpt'      => (string) $p['customer_note'],
			'post_parent'       => (int) $p['parent_id'],
			'post_date'         => get_date_from_gmt( Standin_Order_Stores::gmt( $p['date_created'] ) ),
			'post_date_gmt'     => Standin_Order_Stores::gmt( $p['date_created'] ),
			'post_modified'     => get_date_from_gmt( Standin_Order_Stores::gmt( $modified ) ),
			'post_modified_gmt' => Standin_Order_Stores::gmt( $modified ),
			'post_author'       => 1,
			'comment_status'    => 'closed',
			'ping_status'       => 'closed',
			'post_content'      => '',
			'to_ping'           => '',
			'pinged'            => '',
			'post_content_filtered' => '',
			'post_name'         => '',
		);
	}

	private static function props_json( array $data ) {
		return wp_json_encode(
			array(
				'props' => $data['props'],
				'items' => $data['items'],
			)
		);
	}

	public function create( WC_Order $order ) {
		global $wpdb;
		$data = $order->standin_data();
		$wpdb->insert( $wpdb->posts, $this->post_row( $data['props'], $data['props']['date_modified'] ?? time() ) );
		$id = (int) $wpdb->insert_id;
		add_post_meta( $id, self::DATA_KEY, wp_slash( self::props_json( $data ) ) );
		foreach ( $data['meta'] as $key => $value ) {
			add_post_meta( $id, $key, wp_slash( $value ) );
		}
		clean_post_cache( $id );
		return $id;
	}

	public function update( WC_Order $order ) {
		global $wpdb;
		$id      = $order->get_id();
		$data    = $order->standin_data();
		$changes = $order->get_changes();
		if ( array_intersect( WC_Order::POST_ROW_PROPS, array_keys( $changes ) ) ) {
			$modified = array_key_exists( 'date_modified', $changes ) && $changes['date_modified'] ? $changes['date_modified'] : time();
			$wpdb->update( $wpdb->posts, $this->post_row( $data['props'], $modified ), array( 'ID' => $id ) );
		}
		update_post_meta( $id, self::DATA_KEY, wp_slash( self::props_json( $data ) ) );
		// Through the metadata API, as WooCommerce does, so WordPress's meta filters apply.
		foreach ( $order->standin_meta_changes() as $key => $op ) {
			if ( 'set' === $op ) {
				update_post_meta( $id, $key, wp_slash( $data['meta'][ $key ] ) );
			} else {
				delete_post_meta( $id, $key );
			}
		}
		clean_post_cache( $id );
	}

	public function read_date_modified( $id ) {
		global $wpdb;
		$gmt = $wpdb->get_var( $wpdb->prepare( "SELECT post_modified_gmt FROM {$wpdb->posts} WHERE ID = %d", $id ) );
		return $gmt ? Standin_Order_Stores::ts( $gmt ) : null;
	}

	public function query( array $q ) {
		return Standin_Order_Stores::run_query( $q, $this->columns() );
	}

	public function insert_many( array $records ) {
		global $wpdb;
		$ids = array();
		foreach ( array_chunk( $records, 200 ) as $chunk ) {
			$values = array();
			$cols   = null;
			foreach ( $chunk as $r ) {
				$row      = $this->post_row( $r['props'], $r['props']['date_modified'] );
				$cols     = array_keys( $row );
				$values[] = $wpdb->prepare( '(' . implode( ',', array_fill( 0, count( $row ), '%s' ) ) . ')', array_values( $row ) );
			}
			$wpdb->query( "INSERT INTO {$wpdb->posts} (" . implode( ',', $cols ) . ') VALUES ' . implode( ',', $values ) );
			$first     = (int) $wpdb->insert_id;
			$chunk_ids = range( $first, $first + count( $chunk ) - 1 );
			$meta      = array();
			foreach ( $chunk as $i => $r ) {
				$meta[] = $wpdb->prepare( '(%d,%s,%s)', $chunk_ids[ $i ], self::DATA_KEY, self::props_json( $r ) );
				foreach ( $r['meta'] as $key => $value ) {
					$meta[] = $wpdb->prepare( '(%d,%s,%s)', $chunk_ids[ $i ], $key, maybe_serialize( $value ) );
				}
			}
			$wpdb->query( "INSERT INTO {$wpdb->postmeta} (post_id,meta_key,meta_value) VALUES " . implode( ',', $meta ) );
			$ids = array_merge( $ids, $chunk_ids );
		}
		return $ids;
	}
}
