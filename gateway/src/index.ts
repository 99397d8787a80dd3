export { startGateway, type GatewayContext, type GatewayOptions } from './gateway';
