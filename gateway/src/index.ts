export { startGateway, type GatewayContext, type GatewayOptions } from './gateway';
export { DEMO_TOKEN_LIFETIME, type DemoUser } from './explorer';
