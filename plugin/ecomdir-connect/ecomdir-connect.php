<?php
/**
 * Plugin Name:          ecomdir Connect
 * Plugin URI:           https://github.com/ecomdir/ecomdir
 * Description:          Connects this WooCommerce store to ecomdir, the order-management platform for shops that pack their own orders.
 * Version:              1.0.0
 * Requires at least:    6.8
 * Requires PHP:         7.4
 * Requires Plugins:     woocommerce
 * Author:               ecomdir
 * License:              GPL-2.0-or-later
 * License URI:          https://www.gnu.org/licenses/gpl-2.0.html
 * Text Domain:          ecomdir-connect
 * Domain Path:          /languages
 * WC requires at least: 10.0
 * WC tested up to:      10.0
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;

// The one place the version lives; readme.txt "Stable tag" and the zip name follow it.
define( 'ECOMDIR_CONNECT_VERSION', '1.0.0' );
define( 'ECOMDIR_CONNECT_FILE', __FILE__ );

require_once __DIR__ . '/includes/class-settings.php';
require_once __DIR__ . '/includes/class-api-user.php';
require_once __DIR__ . '/includes/class-connector.php';
require_once __DIR__ . '/includes/class-dates.php';
require_once __DIR__ . '/includes/class-packer.php';
require_once __DIR__ . '/includes/class-packer-lock-guard.php';
require_once __DIR__ . '/includes/class-shipment.php';
require_once __DIR__ . '/includes/class-order-mapper.php';
require_once __DIR__ . '/includes/class-order-feed.php';
require_once __DIR__ . '/includes/class-rest-controller.php';
require_once __DIR__ . '/includes/class-admin-page.php';
require_once __DIR__ . '/includes/class-order-admin.php';
require_once __DIR__ . '/includes/class-plugin.php';

register_activation_hook( __FILE__, array( 'Ecomdir_Connect_Plugin', 'activate' ) );
Ecomdir_Connect_Plugin::boot();
