// Where QingCloud's API is: plain constants, also read by the CLI configuration import at activation
// (without loading the client or the signer).
export const QINGCLOUD_ENDPOINT = 'https://api.qingcloud.com';

export const QINGCLOUD_URI = '/iaas/';
