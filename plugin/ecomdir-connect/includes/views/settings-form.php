<?php
/**
 * Settings form markup. Variables from Ecomdir_Connect_Admin_Page::render(): $s (settings).
 *
 * @package EcomdirConnect
 */

defined( 'ABSPATH' ) || exit;
?>
<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>" id="ecomdir-connect-form">
	<input type="hidden" name="action" value="<?php echo esc_attr( Ecomdir_Connect_Admin_Page::SAVE_ACTION ); ?>" />
	<?php wp_nonce_field( Ecomdir_Connect_Admin_Page::SAVE_ACTION ); ?>
	<table class="form-table" role="presentation">
		<tr>
			<th scope="row"><label for="ecomdir-server-url"><?php esc_html_e( 'ecomdir server address', 'ecomdir-connect' ); ?></label></th>
			<td><input type="url" class="regular-text" id="ecomdir-server-url" name="server_url" value="<?php echo esc_attr( $s['server_url'] ); ?>" placeholder="https://ecomdir.example.ro" required /></td>
		</tr>
		<tr>
			<th scope="row"><label for="ecomdir-email"><?php esc_html_e( 'Your ecomdir email', 'ecomdir-connect' ); ?></label></th>
			<td><input type="email" class="regular-text" id="ecomdir-email" name="email" value="" autocomplete="username" /></td>
		</tr>
		<tr>
			<th scope="row"><label for="ecomdir-password"><?php esc_html_e( 'Your ecomdir password', 'ecomdir-connect' ); ?></label></th>
			<td>
				<input type="password" class="regular-text" id="ecomdir-password" name="password" value="" autocomplete="current-password" />
				<p class="description"><?php esc_html_e( 'Used once to connect this store and never saved. Leave email and password empty to only save the options below.', 'ecomdir-connect' ); ?></p>
			</td>
		</tr>
		<tr>
			<th scope="row"><label for="ecomdir-first-sync-days"><?php esc_html_e( 'First sync', 'ecomdir-connect' ); ?></label></th>
			<td>
				<select id="ecomdir-first-sync-days" name="first_sync_days">
					<?php foreach ( Ecomdir_Connect_Settings::FIRST_SYNC_DAYS as $days ) : ?>
						<option value="<?php echo esc_attr( $days ); ?>" <?php selected( (int) $s['first_sync_days'], $days ); ?>>
							<?php
							/* translators: %d: number of days */
							echo esc_html( sprintf( _n( 'Orders of the last %d day', 'Orders of the last %d days', $days, 'ecomdir-connect' ), $days ) );
							?>
						</option>
					<?php endforeach; ?>
				</select>
				<p class="description"><?php esc_html_e( 'How far back ecomdir reads this store\'s orders when it connects for the first time. Later orders always arrive.', 'ecomdir-connect' ); ?></p>
			</td>
		</tr>
		<tr>
			<th scope="row"><?php esc_html_e( 'Owner override', 'ecomdir-connect' ); ?></th>
			<td><label><input type="checkbox" name="owner_override" value="1" <?php checked( $s['owner_override'] ); ?> /> <?php esc_html_e( 'Allow the owner to change the packer of an order that a packer already confirmed.', 'ecomdir-connect' ); ?></label></td>
		</tr>
		<tr>
			<th scope="row"><?php esc_html_e( 'Shipments', 'ecomdir-connect' ); ?></th>
			<td><label><input type="checkbox" name="complete_on_shipment" value="1" <?php checked( $s['complete_on_shipment'] ); ?> /> <?php esc_html_e( 'Mark the order completed when ecomdir creates its shipment.', 'ecomdir-connect' ); ?></label></td>
		</tr>
	</table>
	<p class="description"><?php esc_html_e( 'Save & connect creates the WordPress user "ecomdir" (it can only read and update orders) and a new Application Password for it, then sends them to your ecomdir server together with your ecomdir email and password.', 'ecomdir-connect' ); ?></p>
	<?php submit_button( __( 'Save & connect', 'ecomdir-connect' ), 'primary', 'ecomdir_connect_submit' ); ?>
</form>
<?php if ( Ecomdir_Connect_Settings::is_connected() || '' !== $s['app_password_uuid'] ) : ?>
<form method="post" action="<?php echo esc_url( admin_url( 'admin-post.php' ) ); ?>" id="ecomdir-disconnect-form">
	<input type="hidden" name="action" value="<?php echo esc_attr( Ecomdir_Connect_Admin_Page::DISCONNECT_ACTION ); ?>" />
	<?php wp_nonce_field( Ecomdir_Connect_Admin_Page::DISCONNECT_ACTION ); ?>
	<?php submit_button( __( 'Disconnect', 'ecomdir-connect' ), 'secondary', 'ecomdir_disconnect_submit' ); ?>
</form>
<?php endif; ?>
